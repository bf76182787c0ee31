// The file name for something the app saves: the title, made safe for any file system.
export function fileNameFor(title: string, extension: string): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[^\w\- ]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'diagram';
  return `${base}.${extension}`;
}
