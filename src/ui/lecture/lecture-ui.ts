import { create } from 'zustand';

/** Which lecture overlay is open: the link as a QR code, or the recorder. Kept apart from the explorer's store: none of it belongs in a link. */
export interface LectureUi {
  qr: boolean;
  recorder: boolean;
  setQr(open: boolean): void;
  setRecorder(open: boolean): void;
}

export const useLectureUi = create<LectureUi>()((set) => ({
  qr: false,
  recorder: false,
  setQr: (qr) => set({ qr }),
  setRecorder: (recorder) => set({ recorder }),
}));
