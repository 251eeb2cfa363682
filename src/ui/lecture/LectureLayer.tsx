import { useEffect } from 'react';
import { useSim } from '../sim/sim-context';
import { useExplorer } from '../state/store';
import { startEmbedBridge } from './embed-bridge';
import { EmbedLink } from './EmbedLink';
import { PresenterBar } from './presenter/PresenterBar';
import { QrOverlay } from './QrOverlay';
import { RecorderPanel } from './recorder/RecorderPanel';
import { UpdateNotice } from './UpdateNotice';

/** The lecture tools over the page: the QR code, the recorder, the update notice, the presenter view (two windows in step), and in a slide's frame the embed link and the postMessage API. `drawer`: the controls are a drawer. */
export function LectureLayer({ drawer }: { drawer: boolean }) {
  const sim = useSim();
  const embed = useExplorer((s) => s.config.embed);
  useEffect(() => (embed && sim ? startEmbedBridge(sim) : undefined), [embed, sim]);
  return (
    <>
      <QrOverlay />
      <RecorderPanel />
      <UpdateNotice />
      {!embed && <PresenterBar />}
      {embed && <EmbedLink drawer={drawer} />}
    </>
  );
}
