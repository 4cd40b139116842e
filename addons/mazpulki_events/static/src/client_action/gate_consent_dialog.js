/** @odoo-module **/

import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { useService } from "@web/core/utils/hooks";

/**
 * A child without the guardian's approval, and the guardian at the gate: the desk
 * writes down the guardian's name and phone and that they consent; the server
 * (event.registration.mazpulki_record_gate_consent) records it with the desk user and the
 * time, approves the registration and checks the child in.
 */
export class MazpulkiGateConsentDialog extends Component {
    static template = "mazpulki_events.GateConsentDialog";
    static components = { Dialog };
    static props = {
        close: Function,
        barcode: String,
        eventId: Number,
        registration: Object,
        onRecorded: Function,
    };

    setup() {
        this.orm = useService("orm");
        this.state = useState({ guardianName: "", guardianPhone: "", consent: false, saving: false });
    }

    get clubAndAge() {
        const { mazpulki_club, mazpulki_age_group } = this.props.registration;
        return [mazpulki_club, mazpulki_age_group].filter(Boolean).join(", ");
    }

    get canRecord() {
        const { guardianName, guardianPhone, consent, saving } = this.state;
        return Boolean(guardianName.trim() && guardianPhone.trim() && consent && !saving);
    }

    async onRecord() {
        if (!this.canRecord) {
            return;
        }
        this.state.saving = true;
        try {
            const result = await this.orm.call("event.registration", "mazpulki_record_gate_consent", [], {
                barcode: this.props.barcode,
                event_id: this.props.eventId,
                guardian_name: this.state.guardianName,
                guardian_phone: this.state.guardianPhone,
                consent: this.state.consent,
            });
            this.props.close();
            this.props.onRecorded(result);
        } finally {
            this.state.saving = false;
        }
    }
}
