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
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string; fields?: Record<string, string> } | null;
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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file picked with the browser's own file input (.xlsx or .csv); null when the dialog was closed. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,text/csv,' + XLSX_TYPE;
    input.style.display = 'none';
    input.id = 'import-file-input';
    document.body.appendChild(input);
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    input.click();
  });
}

/** Picks an .xlsx or CSV file and sends it as the body of a POST with its own content type. */
export async function pickAndUpload<T>(path: string): Promise<{ name: string; answer: T } | null> {
  const file = await pickFile();
  if (!file) return null;
  const token = readToken('staff');
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE,
        accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string; fields?: Record<string, string> } | null;
  if (res.status === 401) clearToken('staff');
  if (!res.ok)
    throw new ApiRequestError(res.status, body?.code ?? `HTTP_${res.status}`, body?.message || '上传失败，请稍后重试', body?.fields);
  return { name: file.name, answer: body as T };
}

/** A small text file (CSV or TXT) chosen in the browser's file dialog, as text; null when none was chosen. */
export function pickTextFile(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.txt,text/csv,text/plain';
    input.id = 'pick-text-file';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.text().then(resolve, () => resolve(null));
    });
    document.body.appendChild(input);
    input.click();
  });
}
