import Taro from '@tarojs/taro';
import { ApiRequestError } from '../../services/request';
import { clearToken, readToken } from '../../services/session';

// H5: staff files come from the same origin with the staff token; downloads go through a blob link.

async function fetchBlob(path: string): Promise<Blob> {
  const token = readToken('staff');
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) {
    if (res.status === 401) clearToken('staff');
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiRequestError(
      res.status,
      body?.code ?? `HTTP_${res.status}`,
      body?.message || (res.status === 401 ? '请先登录' : '文件下载失败，请稍后重试'),
    );
  }
  return res.blob();
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Late enough for the browser to have started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A blob: address the Image component can show. */
export async function loadImage(path: string): Promise<string> {
  return URL.createObjectURL(await fetchBlob(path));
}

export async function saveImage(path: string, fileName: string): Promise<string> {
  saveBlob(await fetchBlob(path), fileName);
  return `已开始下载 ${fileName}`;
}

export async function openSpreadsheet(path: string, fileName: string): Promise<string> {
  saveBlob(await fetchBlob(path), fileName);
  return `已开始下载 ${fileName}`;
}

export async function openPdf(path: string, fileName: string): Promise<string> {
  saveBlob(await fetchBlob(path), fileName);
  return `已开始下载 ${fileName}`;
}

/** Copies text to the clipboard (Taro's copy through a hidden field where the Clipboard API is refused). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    await Taro.setClipboardData({ data: text });
  }
}
