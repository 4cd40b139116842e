/** @odoo-module **/

// The roll call without the network, on the offline desk's pattern (mazpulki_events,
// offline/offline_desk.js): the meeting's roster is kept in the browser's IndexedDB
// ("mazpulki_roll_call") without its key, which stays in this tab's session storage;
// a card scanned offline is known by its keyed hash (hmacHex, typedAlias of the desk);
// a roll call saved offline waits in the queue with the UUID the phone gave it and is
// sent to mazpulki.meeting.roll.call.mazpulki_sync, which is idempotent (sent twice,
// it counts once).

import { hmacHex, hmacKey, request, typedAlias } from "@mazpulki_events/offline/offline_desk";

const DB_NAME = "mazpulki_roll_call";

let dbPromise;
function openDb() {
    if (!dbPromise) {
        const req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = () => {
            const db = req.result;
            db.createObjectStore("meetings", { keyPath: "id" });
            db.createObjectStore("calls", { keyPath: "uuid" });
        };
        dbPromise = request(req);
    }
    return dbPromise;
}

async function store(name, mode = "readonly") {
    const db = await openDb();
    return db.transaction(name, mode).objectStore(name);
}

function utcString(date) {
    return date.toISOString().slice(0, 19).replace("T", " ");
}

export class RollCallQueue {
    constructor(orm) {
        this.orm = orm;
        this.cryptoKey = null;
        this.byHash = new Map();
        this.syncing = null;
    }

    /** Keep the roster of ``data`` (from mazpulki_roll_call_data) for working offline. */
    async keep(data) {
        const { key, ...withoutKey } = data;
        await request((await store("meetings", "readwrite")).put({ id: data.meeting.id, data: withoutKey }));
        sessionStorage.setItem(`mazpulki_roll_call_key_${data.meeting.id}`, key);
        await this.index(withoutKey, key);
    }

    /** The roster kept for ``meetingId`` (null if none), its card hashes ready when the key is in this tab. */
    async kept(meetingId) {
        const record = await request((await store("meetings")).get(meetingId));
        if (!record) {
            return null;
        }
        const key = sessionStorage.getItem(`mazpulki_roll_call_key_${meetingId}`);
        if (key) {
            await this.index(record.data, key);
        }
        return record.data;
    }

    async index(data, key) {
        this.cryptoKey = await hmacKey(key);
        this.byHash = new Map(data.members.flatMap((member) => member.k.map((hash) => [hash, member.id])));
    }

    /** The member id of a card, short code or member number scanned offline, or null. */
    async memberOf(code) {
        if (!this.cryptoKey) {
            return null;
        }
        const found = this.byHash.get(await hmacHex(this.cryptoKey, code));
        if (found) {
            return found;
        }
        const alias = typedAlias(code);
        return alias ? this.byHash.get(await hmacHex(this.cryptoKey, alias)) || null : null;
    }

    /** Queue a roll call made offline. */
    async push(meetingId, marks, uuid) {
        await request(
            (await store("calls", "readwrite")).put({
                uuid,
                meeting_id: meetingId,
                marks,
                made_at: utcString(new Date()),
                seq: Date.now() + Math.random(),
            })
        );
    }

    async queued() {
        const calls = await request((await store("calls")).getAll());
        return calls.sort((a, b) => a.seq - b.seq);
    }

    /** Send the queue; resolves to the number of roll calls sent (a second caller waits for the first). */
    sync() {
        if (this.syncing) {
            return this.syncing.then(() => 0);
        }
        this.syncing = this._sync().finally(() => (this.syncing = null));
        return this.syncing;
    }

    async _sync() {
        const calls = await this.queued();
        if (!calls.length) {
            return 0;
        }
        await this.orm.silent.call("mazpulki.meeting.roll.call", "mazpulki_sync", [
            calls.map(({ uuid, meeting_id, marks, made_at }) => ({ uuid, meeting_id, marks, made_at })),
        ]);
        const callStore = await store("calls", "readwrite");
        for (const call of calls) {
            callStore.delete(call.uuid);
        }
        return calls.length;
    }
}
