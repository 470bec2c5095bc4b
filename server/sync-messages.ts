/**
 * Reads just enough of a Hocuspocus message to judge it before the server applies it: the document
 * name, the message type and, for the two sync messages that carry document changes (SyncStep2 and
 * Update), the Yjs update inside. Layout (Hocuspocus 3 over y-protocols): varString document name,
 * varUint message type (0 Sync, 4 SyncReply, 1 Awareness, ...), then for Sync a varUint sync type
 * (0 step 1, 1 step 2, 2 update) and a varUint8Array update. Awareness (type 1) carries a
 * varUint8Array awareness update: varUint count, then per client varUint client id, varUint clock and
 * varString state (JSON, "null" when the client left).
 */
import * as decoding from "lib0/decoding";

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
export const MESSAGE_AWARENESS = 1;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface ReadMessage {
  documentName: string;
  type: number;
  /** The Yjs update the message carries, for SyncStep2 and Update messages. */
  update?: Uint8Array;
  /** True for an Update message (a live edit); false for SyncStep2 (a client's catch-up). */
  isLiveUpdate: boolean;
  /** The entries of an Awareness message. */
  awareness?: AwarenessEntry[];
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as sent (JSON text; "null" when the client left). */
  state: string;
}

function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  return entries;
}

/** Reads a message; undefined when it cannot be decoded (the server then refuses it). */
export function readMessage(data: Uint8Array): ReadMessage | undefined {
  try {
    const decoder = decoding.createDecoder(data);
    const documentName = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) {
      const awareness = readAwarenessUpdate(decoding.readVarUint8Array(decoder));
      return { documentName, type, isLiveUpdate: false, awareness };
    }
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) {
      return { documentName, type, isLiveUpdate: false };
    }
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) {
      return { documentName, type, isLiveUpdate: false };
    }
    const update = decoding.readVarUint8Array(decoder);
    return { documentName, type, update, isLiveUpdate: syncType === SYNC_UPDATE };
  } catch {
    return undefined;
  }
}
