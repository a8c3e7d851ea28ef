// weapp: photos from the camera or album (chooseMedia), PDFs from a chat (chooseMessageFile); an
// attachment is downloaded with the session's header and opened by WeChat (previewImage/openDocument).
import Taro from '@tarojs/taro';

export const PICK_SOURCES = [
  { key: 'photo', label: '拍照或从相册选择' },
  { key: 'chat', label: '从聊天记录选择 PDF 或图片' },
] as const;

function readBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
  );
}

export async function pickFile(source: string): Promise<ArrayBuffer | null> {
  try {
    if (source === 'photo') {
      const r = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
      return r.tempFiles[0] ? readBytes(r.tempFiles[0].tempFilePath) : null;
    }
    const r = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['jpg', 'jpeg', 'png', 'webp', 'pdf'] });
    return r.tempFiles[0] ? readBytes(r.tempFiles[0].path) : null;
  } catch {
    return null; // cancelled
  }
}

export async function openAttachment(
  source: { url: string; header: Record<string, string> },
  mime: string,
  _name: string,
): Promise<string | null> {
  const r = await Taro.downloadFile({ url: source.url, header: source.header });
  if (r.statusCode !== 200) throw new Error(String(r.statusCode));
  if (mime.startsWith('image/')) await Taro.previewImage({ urls: [r.tempFilePath] });
  else await Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' });
  return null;
}
