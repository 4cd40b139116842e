/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";

// The registration desk without the network (as Point of Sale keeps selling
// offline): the desk downloads, per event, the keyed hashes of the cards it may
// see and of the event's tickets (Odoo's barcodes) with what it decides on,
// decides a scan alone with the server's rules (event_registration.py,
// _mazpulki_decide_member and _mazpulki_decide_ticket) and queues the scan; the
// queue is sent in order to mazpulki.event.desk.scan.mazpulki_sync, which is
// idempotent and re-decides each scan at the time it was made.
//
// Stored in the browser's IndexedDB ("mazpulki_desk"): the event's data without
// its key, and the queued scans. The key stays in this tab's memory and session
// storage: it is fetched with the desk user's session.

const DB_NAME = "mazpulki_desk";
const SYNC_BATCH = 200;

/** An IndexedDB request as a promise (also the club's roll call queue). */
export function request(req) {
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

/**
 * A code typed at the desk as the server reads it (mazpulki_member_card.py, normalize_typed_code):
 * a member number as stored ("mp 1" -> "MP-000001"), an 8-character short code in capitals
 * ("k7m2-9qxr" -> "K7M29QXR"), or null for anything else.
 */
export function typedAlias(code) {
    const typed = code
        .replace(/[^0-9A-Za-z]/g, "")
        .toUpperCase()
        .replace(/O/g, "0")
        .replace(/[IL]/g, "1");
    const number = typed.match(/^MP(\d{1,6})$/);
    if (number) {
        return `MP-${number[1].padStart(6, "0")}`;
    }
    return typed.length === 8 ? typed : null;
}

/** An HMAC-SHA256 key for ``hmacHex``, from the key text the server gave (desk or roll call). */
export function hmacKey(key) {
    return crypto.subtle.importKey("raw", new TextEncoder().encode(key), { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
    ]);
}

/** The keyed hash of a code as the server makes it (mazpulki_event_desk_scan.py, card_hash): hex. */
export async function hmacHex(cryptoKey, code) {
    const signature = await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(code.trim()));
    return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
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
        this.tickets = new Map();
        this.aliases = new Map();
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
        this.cryptoKey = await hmacKey(key);
        this.data = data;
        this.seatsLeft = data.event.seats_left;
        this.opens = parseUtc(data.event.opens);
        this.closes = parseUtc(data.event.closes);
        // A registration's state and days, shared by its member's card and its ticket.
        const registrations = new Map();
        const registration = (item) => {
            if (!item.r) {
                return { s: false, d: [] };
            }
            if (!registrations.has(item.r)) {
                registrations.set(item.r, { s: item.s, d: [...item.d] });
            }
            return registrations.get(item.r);
        };
        this.entries = new Map(data.entries.map((entry) => [entry.h, { ...entry, reg: registration(entry) }]));
        // a card's short code and its member's number, typed: the hash of each leads to the card's
        this.aliases = new Map(data.entries.flatMap((entry) => (entry.k || []).map((alias) => [alias, entry.h])));
        // a member's ticket comes as its hash and registration: the rest is the member's entry
        const members = new Map(data.entries.filter((entry) => entry.r).map((entry) => [entry.r, entry]));
        this.tickets = new Map(
            (data.tickets || []).map((ticket) => {
                const member = members.get(ticket.r);
                return [ticket.h, { n: member?.n, ...ticket, member, reg: registration(ticket) }];
            })
        );
        this.revoked = new Set(data.revoked);
        // the scans still waiting count as decided: a day checked in offline stays checked in
        for (const scan of queuedScans) {
            if (scan.desk_status === "confirmed_registration") {
                this.checkIn(scan.card_hash, scan.day);
            }
        }
    }

    /** In memory, until the sync: the card's or ticket's registration attended on ``day``. */
    checkIn(hash, day) {
        const item = this.entries.get(hash) || this.tickets.get(hash);
        if (!item) {
            return;
        }
        item.reg.d.push(day);
        if (!item.r) {
            // a walk-in: registered now, and takes a seat
            item.r = -1;
            if (this.seatsLeft !== null) {
                this.seatsLeft--;
            }
        }
        item.reg.s = "done";
    }

    async clear() {
        await request((await store("events", "readwrite")).delete(this.eventId));
        sessionStorage.removeItem(this.keyName);
        this.data = null;
        this.cryptoKey = null;
        this.entries = new Map();
        this.tickets = new Map();
        this.aliases = new Map();
    }

    hash(code) {
        return hmacHex(this.cryptoKey, code);
    }

    /** The desk's answer for the code of hash ``cardHash`` scanned at ``now``, as the server would give it. */
    decide(cardHash, now) {
        const entry = this.entries.get(cardHash);
        if (!entry) {
            const ticket = this.tickets.get(cardHash);
            if (ticket) {
                return this.decideTicket(ticket, now);
            }
            if (this.revoked.has(cardHash)) {
                return this.refusal("mazpulki_revoked_card", _t("This card is revoked."));
            }
            return this.refusal(
                "mazpulki_unknown_card",
                _t("Offline, the desk knows only this event's tickets and the cards of the members who may attend it.")
            );
        }
        const event = this.data.event;
        const day = localDay(now, event.tz);
        // the age on the scan's day: a birthday during the event changes it from that day on
        const [underAge, ageGroup] = entry.t && day >= entry.t[0] ? [entry.t[1], entry.t[2]] : [entry.u, entry.g];
        const summary = this.summary(entry, { mazpulki_club: entry.c, mazpulki_age_group: ageGroup });
        const reg = entry.reg;
        if (entry.r && reg.s === "cancel") {
            return { ...summary, status: "canceled_registration" };
        }
        if (now < this.opens || now >= this.closes) {
            return { ...summary, status: "not_ongoing_event" };
        }
        // the membership of the scan day's year (an event over the New Year has two)
        if (!(entry.y && day >= entry.y[0] ? entry.y[1] : entry.m)) {
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
            if (underAge) {
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
        if (reg.d.includes(day)) {
            return { ...summary, status: "already_registered" };
        }
        return { ...summary, status: "confirmed_registration", day };
    }

    /** Odoo's answer for its own ticket of this event (event_registration.py, _mazpulki_decide_ticket). */
    decideTicket(ticket, now) {
        const day = localDay(now, this.data.event.tz);
        const member = ticket.member;
        const summary = this.summary(ticket, {
            mazpulki_club: member?.c,
            mazpulki_age_group: member && (member.t && day >= member.t[0] ? member.t[2] : member.g),
        });
        const state = ticket.reg.s;
        if (["open", "done"].includes(state) && (now < this.opens || now >= this.closes)) {
            return { ...summary, status: "not_ongoing_event" };
        }
        if (state === "cancel") {
            return { ...summary, status: "canceled_registration" };
        }
        if (state === "draft") {
            return { ...summary, status: "unconfirmed_registration" };
        }
        if (now >= this.closes) {
            return { ...summary, status: "not_ongoing_event" };
        }
        if (state === "done" && ticket.reg.d.includes(day)) {
            return { ...summary, status: "already_registered" };
        }
        return { ...summary, status: "confirmed_registration", day };
    }

    summary(item, extra) {
        const event = this.data.event;
        return {
            id: item.r > 0 ? item.r : false,
            name: item.n,
            event_id: event.id,
            event_display_name: event.name,
            registration_answers: [],
            iot_printers: [],
            ticket_name: false,
            company_name: false,
            mazpulki_offline: true,
            ...extra,
        };
    }

    refusal(status, message, summary = {}) {
        return { iot_printers: [], ...summary, status, mazpulki_message: message, mazpulki_offline: true };
    }

    /** The hash the desk decides on and queues for ``code``: a typed short code or member number as its card's. */
    async codeHash(code) {
        const cardHash = await this.hash(code);
        if (this.entries.has(cardHash) || this.tickets.has(cardHash) || this.revoked.has(cardHash)) {
            return cardHash;
        }
        const alias = typedAlias(code);
        if (!alias) {
            return cardHash;
        }
        const aliasHash = await this.hash(alias);
        return this.aliases.get(aliasHash) || (this.revoked.has(aliasHash) ? aliasHash : cardHash);
    }

    /** Decide ``code`` now, show-ready, and queue the scan for the sync. */
    async scan(code, userId) {
        const now = new Date();
        const cardHash = await this.codeHash(code);
        const result = this.decide(cardHash, now);
        if (result.status === "confirmed_registration") {
            this.checkIn(cardHash, result.day);
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

    /** Send the queue in order, in batches; resolves to the number of scans this call synced. */
    sync() {
        if (this.syncing) {
            return this.syncing.then(() => 0); // counted once, by the caller that started it
        }
        this.syncing = this._sync().finally(() => (this.syncing = null));
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
