/** @odoo-module **/

import { Component, onMounted, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { ConnectionLostError } from "@web/core/network/rpc";
import { scanBarcode } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { RollCallQueue } from "./roll_call_queue";

// While roll calls wait, the phone tries to send them this often.
const SYNC_INTERVAL = 15000;

/**
 * The leader's roll call on a phone (390 px): one tap per member present, absent or
 * excused, the members' cards scanned with the phone's camera or a card reader (the
 * desk's scanner: Odoo's barcode service and camera dialog), visitors written down and
 * turned into membership applications, absences the families reported ahead shown.
 * Without the network it keeps working from the roster kept on the phone and queues
 * the roll call (see roll_call_queue.js).
 */
export class MazpulkiRollCall extends Component {
    static template = "mazpulki_club_meetings.RollCall";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.action = useService("action");
        this.queue = new RollCallQueue(this.orm);
        this.cameraSupported = isBarcodeScannerSupported();
        this.state = useState({
            loaded: false,
            data: null,
            marks: {},
            scanned: {},
            code: "",
            visitor: this.emptyVisitor(),
            showVisitor: false,
            waiting: 0,
            offline: false,
            saved: false,
        });
        const barcode = useService("barcode");
        useBus(barcode.bus, "barcode_scanned", (ev) => this.onCode(ev.detail.barcode));
        onWillStart(() => this.load());
        const online = () => this.sync();
        onMounted(() => {
            window.addEventListener("online", online);
            this.timer = setInterval(() => this.state.waiting && this.sync(), SYNC_INTERVAL);
        });
        onWillUnmount(() => {
            window.removeEventListener("online", online);
            clearInterval(this.timer);
        });
    }

    emptyVisitor() {
        return { name: "", birthdate: "", guardian_name: "", guardian_phone: "", guardian_email: "", consent: false };
    }

    get meetingId() {
        return this.props.action.params?.meeting_id || this.state.data?.meeting.id;
    }

    async load() {
        let meetingId = this.props.action.params?.meeting_id;
        try {
            if (!meetingId) {
                meetingId = await this.orm.call("mazpulki.meeting", "mazpulki_roll_call_today", []);
            }
            if (meetingId) {
                const data = await this.orm.call("mazpulki.meeting", "mazpulki_roll_call_data", [[meetingId]]);
                await this.queue.keep(data);
                this.setData(data);
            }
        } catch (error) {
            if (!(error instanceof ConnectionLostError) || !meetingId) {
                throw error;
            }
            const data = await this.queue.kept(meetingId);
            if (data) {
                this.state.offline = true;
                this.setData(data);
            }
        }
        this.state.waiting = (await this.queue.queued()).length;
        this.state.loaded = true;
    }

    setData(data) {
        this.state.data = data;
        const marks = {};
        for (const member of data.members) {
            marks[member.id] = member.state || (member.ahead ? "excused" : false);
        }
        this.state.marks = marks;
    }

    get counts() {
        const values = Object.values(this.state.marks);
        return {
            present: values.filter((v) => v === "present").length,
            unmarked: values.filter((v) => !v).length,
        };
    }

    mark(memberId, value) {
        this.state.marks[memberId] = value;
        this.state.saved = false;
    }

    markRestAbsent() {
        for (const [memberId, value] of Object.entries(this.state.marks)) {
            if (!value) {
                this.state.marks[memberId] = "absent";
            }
        }
    }

    async onCode(code) {
        code = (code || "").trim();
        if (!code || !this.state.data) {
            return;
        }
        this.state.code = "";
        let memberId = null;
        try {
            memberId = await this.orm.silent.call("mazpulki.meeting", "mazpulki_roll_call_scan", [
                [this.meetingId],
                code,
            ]);
            this.state.offline = false;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                this.state.offline = true;
                memberId = await this.queue.memberOf(code);
            } else {
                this.notification.add(error.data?.message || error.message, { type: "danger" });
                return;
            }
        }
        const member = this.state.data.members.find((m) => m.id === memberId);
        if (!member) {
            this.notification.add(_t("This card is not of a member of this club."), { type: "danger" });
            return;
        }
        this.state.marks[member.id] = "present";
        this.state.scanned[member.id] = true;
        this.state.saved = false;
        this.notification.add(_t("%s is present.", member.name), { type: "success" });
    }

    onCodeKey(ev) {
        if (ev.key === "Enter") {
            this.onCode(this.state.code);
        }
    }

    async openCamera() {
        let code = null;
        try {
            code = await scanBarcode(this.env, "environment");
        } catch (error) {
            this.notification.add(error.message, { type: "warning" });
            return;
        }
        if (code) {
            await this.onCode(code);
        }
    }

    async addVisitor() {
        const v = this.state.visitor;
        if (!v.name.trim()) {
            this.notification.add(_t("Write the visitor's name."), { type: "danger" });
            return;
        }
        const [id] = await this.orm.create("mazpulki.meeting.visitor", [
            {
                meeting_id: this.meetingId,
                name: v.name.trim(),
                birthdate_date: v.birthdate || false,
                guardian_name: v.guardian_name.trim(),
                guardian_phone: v.guardian_phone.trim(),
                guardian_email: v.guardian_email.trim(),
                consent_data_processing: v.consent,
            },
        ]);
        this.state.data.visitors.push({ id, name: v.name.trim(), application: false });
        this.state.visitor = this.emptyVisitor();
        this.state.showVisitor = false;
    }

    async makeApplication(visitor) {
        try {
            await this.orm.call("mazpulki.meeting.visitor", "mazpulki_make_application", [visitor.id]);
        } catch (error) {
            this.notification.add(error.data?.message || error.message, { type: "danger", sticky: true });
            return;
        }
        visitor.application = true;
        this.notification.add(_t("The application of %s is with the office.", visitor.name), { type: "success" });
    }

    async save() {
        const marks = Object.entries(this.state.marks)
            .filter(([, value]) => value)
            .map(([memberId, value]) => ({
                member_id: parseInt(memberId),
                state: value,
                scanned: Boolean(this.state.scanned[memberId]),
            }));
        const uuid = crypto.randomUUID();
        try {
            await this.orm.silent.call("mazpulki.meeting.roll.call", "mazpulki_save", [this.meetingId, marks, uuid]);
            this.state.offline = false;
            this.notification.add(_t("The roll call is saved."), { type: "success" });
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                this.notification.add(error.data?.message || error.message, { type: "danger", sticky: true });
                return;
            }
            this.state.offline = true;
            await this.queue.push(this.meetingId, marks, uuid);
            this.state.waiting = (await this.queue.queued()).length;
            this.notification.add(_t("No network: the roll call waits on this phone and is sent when it is back."), {
                type: "warning",
            });
        }
        this.state.saved = true;
    }

    async sync() {
        try {
            await this.queue.sync();
            this.state.offline = false;
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            this.state.offline = true;
        }
        this.state.waiting = (await this.queue.queued()).length;
    }
}

registry.category("actions").add("mazpulki_club_meetings.roll_call", MazpulkiRollCall);
