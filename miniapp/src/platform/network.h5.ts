// Taro's H5 onNetworkStatusChange listens to navigator.connection only, which never reports going back
// online; the window's online event does.
export function onNetworkBack(callback: () => void): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('online', () => callback());
}
