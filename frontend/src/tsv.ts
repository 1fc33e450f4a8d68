// Splits a block copied from Excel or LibreOffice (tab-separated lines) into
// cells. Only the shape is read here; the numbers are parsed by the backend.
export function splitTSV(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop() // Excel ends a copy with a newline
  return lines.map((l) => l.split('\t'))
}
