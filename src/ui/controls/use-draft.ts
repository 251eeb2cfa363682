import { useState } from 'react';

/**
 * A text box's draft that follows the stored value: typing edits the draft;
 * when the stored value changes (a slider, a key, a link), the draft resets to it.
 */
export function useDraft(text: string): [string, (v: string) => void] {
  const [d, setD] = useState({ base: text, value: text });
  const value = d.base === text ? d.value : text;
  return [value, (v: string) => setD({ base: text, value: v })];
}
