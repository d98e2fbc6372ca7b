/**
 * The uncompressed size an XLSX (a zip) declares for all its parts, read from the zip's central directory
 * without inflating anything. A 1 MB upload can declare gigabytes; the reader refuses it before parsing.
 * Returns null when the directory cannot be found (the XLSX reader then reports the file as unreadable).
 */
export function declaredUncompressedSize(zip: Buffer): number | null {
  const END_OF_DIRECTORY = 0x06054b50;
  const ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ENTRY) return null;
    const size = zip.readUInt32LE(at + 24);
    // 0xFFFFFFFF: the real size is in a ZIP64 extra field, i.e. 4 GB or more — too large in any case.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
