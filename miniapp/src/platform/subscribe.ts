// H5: WeChat's subscribe messages do not exist outside the mini-program; no opt-in is offered.
export const canSubscribe = false;

export function askToSubscribe(_templateId: string): Promise<boolean> {
  return Promise.resolve(false);
}
