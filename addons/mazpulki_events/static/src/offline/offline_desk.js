/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";

// The registration desk without the network (as Point of Sale keeps selling
// offline): the desk downloads, per event, the keyed hashes of the cards it may
// see with what it decides on, decides a scan alone with the server's rules
// (event_registration.py, _mazpulki_register_member) and queues the scan; the
// queue is sent in order to mazpulki.event.desk.scan.mazpulki_sync, which is
// idempotent and re-decides each scan at the time it was made.
//
// Stored in the browser's IndexedDB ("mazpulki_desk"): the event's data without
// its key, and the queued scans. The key stays in this tab's memory and session
// storage: it is fetched with the desk user's session.

const DB_NAME = "mazpulki_desk";
const SYNC_BATCH = 200;

function request(req) {
    return new Promise((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
    });
}

let dbPromise;
function openDb() {
    if (!dbPromise) {
        const req = indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = () => {
            const db = req.result;
            db.createObjectStore("events", { keyPath: "id" });
            const scans = db.createObjectStore("scans", { keyPath: "uuid" });
            scans.createIndex("event_id", "event_id");
        };
        dbPromise = request(req);
    }
    return dbPromise;
}

async function store(name, mode = "readonly") {
    const db = await openDb();
    return db.transaction(name, mode).objectStore(name);
}

/** The day of ``date`` in time zone ``tz``, as "YYYY-MM-DD". */
export function localDay(date, tz) {
    return new Intl.DateTimeFormat("en-CA", {
        timeZone: tz,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
    }).format(date);
}

function parseUtc(value) {
    return new Date(value.replace(" ", "T") + "Z");
}

function utcString(date) {
    return date.toISOString().slice(0, 19).replace("T", " ");
}

export class OfflineDesk {
    constructor(eventId, orm) {
        this.eventId = eventId;
        this.orm = orm;
        this.data = null;
        this.entries = new Map();
        this.revoked = new Set();
        this.waiting = 0;
        this.cryptoKey = null;
        this.syncing = null;
    }

    get ready() {
        return Boolean(this.data && this.cryptoKey);
    }

    get keyName() {
        return `mazpulki_desk_key_${this.eventId}`;
    }

    /** Load what an earlier "Prepare offline" stored; clear it once the event is over. */
    async load() {
        const record = await request((await store("events")).get(this.eventId));
        const scans = await this.queued();
        this.waiting = scans.length;
        if (!record) {
            return;
        }
        if (parseUtc(record.data.event.closes) <= new Date() && !scans.length) {
            await this.clear();
            return;
        }
        const key = sessionStorage.getItem(this.keyName);
        if (key) {
            await this.setData(record.data, key, scans);
        }
    }

    /** Download the event's offline data and store it. */
    async prepare() {
        const data = await this.orm.call("event.event", "mazpulki_desk_offline_data", [[this.eventId]]);
        const { key, ...withoutKey } = data;
        await request((await store("events", "readwrite")).put({ id: this.eventId, data: withoutKey }));
        sessionStorage.setItem(this.keyName, key);
        await this.setData(withoutKey, key, await this.queued());
        return this.entries.size;
    }

    async setData(data, key, queuedScans) {
        this.cryptoKey = await crypto.subtle.importKey(
            "raw",
            new TextEncoder().encode(key),
            { name: "HMAC", hash: "SHA-256" },
            false,
            ["sign"]
        );
        this.data = data;
        this.seatsLeft = data.event.seats_left;
        this.opens = parseUtc(data.event.opens);
        this.closes = parseUtc(data.event.closes);
        this.entries = new Map(data.entries.map((entry) => [entry.h, { ...entry, d: [...entry.d] }]));
        this.revoked = new Set(data.revoked);
        // the scans still waiting count as decided: a day checked in offline stays checked in
        for (const scan of queuedScans) {
            const entry = this.entries.get(scan.card_hash);
            if (entry && scan.desk_status === "confirmed_registration") {
                entry.d.push(scan.day);
                if (!entry.r) {
                    entry.r = -1;
                    entry.s = "done";
                    if (this.seatsLeft !== null) {
                        this.seatsLeft--;
                    }
                }
            }
        }
    }

    async clear() {
        await request((await store("events", "readwrite")).delete(this.eventId));
        sessionStorage.removeItem(this.keyName);
        this.data = null;
        this.cryptoKey = null;
        this.entries = new Map();
    }

    async hash(code) {
        const signature = await crypto.subtle.sign("HMAC", this.cryptoKey, new TextEncoder().encode(code.trim()));
        return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    }

    /** The desk's answer for ``code`` scanned at ``now``, as the server would give it. */
    decide(cardHash, now) {
        const event = this.data.event;
        const entry = this.entries.get(cardHash);
        if (!entry) {
            if (this.revoked.has(cardHash)) {
                return this.refusal("mazpulki_revoked_card", _t("This card is revoked."));
            }
            return this.refusal(
                "mazpulki_unknown_card",
                _t("Offline, the desk knows only the cards of members registered for this event; tickets are checked online.")
            );
        }
        const summary = {
            id: entry.r > 0 ? entry.r : false,
            name: entry.n,
            event_id: event.id,
            event_display_name: event.name,
            mazpulki_club: entry.c,
            mazpulki_age_group: entry.g,
            registration_answers: [],
            iot_printers: [],
            ticket_name: false,
            company_name: false,
            mazpulki_offline: true,
        };
        const day = localDay(now, event.tz);
        if (entry.r && entry.s === "cancel") {
            return { ...summary, status: "canceled_registration" };
        }
        if (now < this.opens || now >= this.closes) {
            return { ...summary, status: "not_ongoing_event" };
        }
        if (!entry.m) {
            return this.refusal(
                "mazpulki_no_membership",
                _t("%s has no active membership this year; ask the club leader to renew it.", entry.n),
                summary
            );
        }
        if (!entry.r) {
            if (!event.walkin) {
                return this.refusal(
                    "mazpulki_not_registered",
                    _t("%s is not registered for this event, which takes no walk-ins.", entry.n),
                    summary
                );
            }
            if (entry.u) {
                return this.refusal(
                    "mazpulki_approval_missing",
                    _t(
                        "%s is under 18 and not registered: a guardian must approve the registration on the portal.",
                        entry.n
                    ),
                    summary
                );
            }
            if (this.seatsLeft !== null && this.seatsLeft <= 0) {
                return this.refusal("mazpulki_no_seats", _t("No seats are left at this event."), summary);
            }
            return { ...summary, status: "confirmed_registration", mazpulki_walkin: true, day };
        }
        if (["pending", "declined"].includes(entry.a)) {
            return this.refusal(
                "mazpulki_approval_missing",
                _t("A guardian has not approved the registration of %s.", entry.n),
                summary
            );
        }
        if (entry.d.includes(day)) {
            return { ...summary, status: "already_registered" };
        }
        return { ...summary, status: "confirmed_registration", day };
    }

    refusal(status, message, summary = {}) {
        return { iot_printers: [], ...summary, status, mazpulki_message: message, mazpulki_offline: true };
    }

    /** Decide ``code`` now, show-ready, and queue the scan for the sync. */
    async scan(code, userId) {
        const now = new Date();
        const cardHash = await this.hash(code);
        const result = this.decide(cardHash, now);
        const entry = this.entries.get(cardHash);
        if (result.status === "confirmed_registration" && entry) {
            entry.d.push(result.day);
            if (!entry.r) {
                entry.r = -1;
                entry.s = "done";
                if (this.seatsLeft !== null) {
                    this.seatsLeft--;
                }
            }
        }
        const time = now.toTimeString().slice(0, 5);
        if (["confirmed_registration", "already_registered"].includes(result.status)) {
            result.mazpulki_checked_in_at = time;
        }
        await request(
            (await store("scans", "readwrite")).put({
                uuid: crypto.randomUUID(),
                event_id: this.eventId,
                card_hash: cardHash,
                scanned_at: utcString(now),
                day: localDay(now, this.data.event.tz),
                desk_status: result.status,
                user_id: userId,
                seq: now.getTime() + Math.random(),
            })
        );
        this.waiting++;
        return result;
    }

    async queued() {
        const index = (await store("scans")).index("event_id");
        const scans = await request(index.getAll(this.eventId));
        return scans.sort((a, b) => a.seq - b.seq);
    }

    /** Send the queue in order, in batches; resolves to the number of scans synced. */
    sync() {
        if (!this.syncing) {
            this.syncing = this._sync().finally(() => (this.syncing = null));
        }
        return this.syncing;
    }

    async _sync() {
        let synced = 0;
        let scans = await this.queued();
        while (scans.length) {
            const batch = scans.slice(0, SYNC_BATCH);
            await this.orm.silent.call("mazpulki.event.desk.scan", "mazpulki_sync", [
                this.eventId,
                batch.map(({ uuid, card_hash, scanned_at, desk_status }) => ({
                    uuid,
                    card_hash,
                    scanned_at,
                    desk_status,
                })),
            ]);
            const scanStore = await store("scans", "readwrite");
            for (const scan of batch) {
                scanStore.delete(scan.uuid);
            }
            synced += batch.length;
            scans = scans.slice(SYNC_BATCH);
            this.waiting = scans.length;
        }
        return synced;
    }
}
