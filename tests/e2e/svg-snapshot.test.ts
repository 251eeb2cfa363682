import { describe, expect, it } from 'vitest';
import { normaliseSvg } from '../../e2e/svg-snapshot';

describe('the SVG snapshot format', () => {
  it('puts one element on a line and rounds numbers to a tenth', () => {
    expect(normaliseSvg('<svg width="300.04"><rect x="12.3456" y="-0.04"></rect></svg>')).toBe('<svg width="300">\n<rect x="12.3" y="0">\n</rect>\n</svg>\n');
  });

  it('numbers the page-unique ids in order of appearance, wherever the page counted', () => {
    const a = normaliseSvg('<svg><clipPath id="plot-clip-17"></clipPath><g clip-path="url(#plot-clip-17)"></g><pattern id="gd-hatch-40"></pattern></svg>');
    const b = normaliseSvg('<svg><clipPath id="plot-clip-3"></clipPath><g clip-path="url(#plot-clip-3)"></g><pattern id="gd-hatch-4"></pattern></svg>');
    expect(a).toBe(b);
    expect(a).toContain('id="plot-clip-1"');
    expect(a).toContain('url(#plot-clip-1)');
    expect(a).toContain('id="gd-hatch-2"');
  });

  it('writes each element’s attributes in name order, whatever order the page set them in', () => {
    const a = normaliseSvg('<svg role="img" width="568" height="206" style="position: absolute;"><rect y="1" x="2"></rect></svg>');
    const b = normaliseSvg('<svg role="img" style="position: absolute;" width="568" height="206"><rect x="2" y="1"></rect></svg>');
    expect(a).toBe(b);
    expect(a).toBe('<svg height="206" role="img" style="position: absolute;" width="568">\n<rect x="2" y="1">\n</rect>\n</svg>\n');
  });

  it('keeps a real change visible', () => {
    expect(normaliseSvg('<rect x="12.3"></rect>')).not.toBe(normaliseSvg('<rect x="12.5"></rect>'));
  });
});
