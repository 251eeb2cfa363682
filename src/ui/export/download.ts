/** Save a blob under a file name through a temporary link (the browser's ordinary download). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the view and the run's checksum, safe on every file system. */
export function exportName(view: string, checksum: string | null, ext: string): string {
  const tag = checksum ? `-${checksum.replace(/[^0-9a-zA-Z]+/g, '')}` : '';
  return `sgd-explorer-${view}${tag}.${ext}`;
}
