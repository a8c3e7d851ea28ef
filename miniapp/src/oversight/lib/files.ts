import Taro from '@tarojs/taro';
import { API_BASE, ApiRequestError } from '../../services/request';
import { clearToken, readToken } from '../../services/session';

// weapp: staff files (the poster PNG, Excel exports) are fetched with wx.downloadFile, which sends the
// staff token like any request; the twin files.h5.ts does the same with fetch and a blob.

async function download(path: string): Promise<string> {
  const token = readToken('staff');
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await Taro.downloadFile({ url: `${API_BASE}${path}`, header: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.statusCode === 401) clearToken('staff');
  if (res.statusCode !== 200)
    throw new ApiRequestError(res.statusCode, `HTTP_${res.statusCode}`, res.statusCode === 401 ? '请先登录' : '文件下载失败，请稍后重试');
  return res.tempFilePath;
}

/** A local address the Image component can show. */
export const loadImage = (path: string): Promise<string> => download(path);

/** Saves the image to the phone's album (asks for the album permission the first time). */
export async function saveImage(path: string, _fileName: string): Promise<string> {
  const filePath = await download(path);
  await Taro.saveImageToPhotosAlbum({ filePath });
  return '已保存到手机相册';
}

/** Opens the workbook in WeChat's document viewer, from where it can be forwarded or saved. */
export async function openSpreadsheet(path: string, _fileName: string): Promise<string> {
  const filePath = await download(path);
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  return '已打开表格，可在右上角菜单中转发或保存';
}

/** Opens a PDF (a poster, a print run, a dossier) in WeChat's document viewer, to print or forward. */
export async function openPdf(path: string, _fileName: string): Promise<string> {
  const filePath = await download(path);
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  return '已打开 PDF，可在右上角菜单中转发或打印';
}

/** Copies text to the clipboard; WeChat shows its own toast. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Lets the user pick an .xlsx or CSV file from a WeChat chat (wx.chooseMessageFile) and sends it as the
 * body of a POST with its own content type; the server's JSON answer, or null when nothing was picked.
 */
export async function pickAndUpload<T>(path: string): Promise<{ name: string; answer: T } | null> {
  let file: { path: string; name: string };
  try {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    file = picked.tempFiles[0];
  } catch {
    return null; // cancelled
  }
  if (!file) return null;
  const data = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  const token = readToken('staff');
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject>;
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method: 'POST',
      data,
      header: {
        'Content-Type': /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE,
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      dataType: 'json',
      timeout: 120000,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const body = res.data as { code?: string; message?: string; fields?: Record<string, string> } | null;
  if (res.statusCode === 401) clearToken('staff');
  if (res.statusCode < 200 || res.statusCode >= 300)
    throw new ApiRequestError(
      res.statusCode,
      body?.code ?? `HTTP_${res.statusCode}`,
      body?.message || '上传失败，请稍后重试',
      body?.fields,
    );
  return { name: file.name, answer: res.data as T };
}

/** A small text file (CSV or TXT) chosen from a WeChat chat, as text; null when the choice was cancelled. */
export async function pickTextFile(): Promise<string | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
  } catch {
    return null;
  }
  const path = chosen.tempFiles[0]?.path;
  if (!path) return null;
  return Taro.getFileSystemManager().readFileSync(path, 'utf8') as string;
}
