// H5: a file input picks a photo or PDF; an attachment is fetched with the session's header and shown
// from a blob URL (the page's CSP allows blob: images), or downloaded when it is a PDF.
import Taro from '@tarojs/taro';

export const PICK_SOURCES = [{ key: 'file', label: '选择照片或 PDF 文件' }] as const;

/** The bytes of a file the user picked, or null when they picked none. */
export function pickFile(_source: string): Promise<ArrayBuffer | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,image/webp,application/pdf';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then(resolve, () => resolve(null));
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Opens an attachment: an image as a preview URL for the page, a PDF as a download. */
export async function openAttachment(
  source: { url: string; header: Record<string, string> },
  mime: string,
  name: string,
): Promise<string | null> {
  const res = await Taro.request<ArrayBuffer>({ url: source.url, header: source.header, responseType: 'arraybuffer', dataType: '其他' });
  if (res.statusCode !== 200) throw new Error(String(res.statusCode));
  const url = URL.createObjectURL(new Blob([res.data], { type: mime }));
  if (mime.startsWith('image/')) return url;
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  return null;
}
