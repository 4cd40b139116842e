/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { onMounted } from "@odoo/owl";
import { EventScanView } from "@event/client_action/event_barcode";
import { EventRegistrationSummaryDialog } from "@event/client_action/event_registration_summary_dialog";

// The desk answers every scan in one call; a member's card refused (revoked,
// not registered, no membership, no guardian approval...) shows as a
// notification with the reason, which the next scan does not have to close.
patch(EventScanView.prototype, {
    setup() {
        super.setup(...arguments);
        // Odoo's desk takes its event from the context of the event form's button,
        // which a page reload loses: the desk then refused every member's card. The
        // desk writes its event in the URL (?event_id=) and reads it back from there.
        if (!this.eventId) {
            const { params, context } = this.props.action;
            const eventId = parseInt(params?.event_id || context.params?.event_id);
            if (eventId) {
                this.eventId = eventId;
                this.isMultiEvent = false;
            }
        }
        if (this.eventId) {
            this.props.updateActionState?.({ event_id: this.eventId });
            onMounted(() => this.props.updateActionState?.({ event_id: this.eventId }));
        }
    },

    async onBarcodeScanned(barcode) {
        const result = await this.orm.call("event.registration", "register_attendee", [], {
            barcode: barcode,
            event_id: this.eventId,
        });
        if (result.mazpulki_message || result.error === "invalid_ticket") {
            this.closeLastDialog?.();
            this.playSound("error");
            this.notification.add(result.mazpulki_message || _t("Invalid ticket"), {
                title: [result.name, result.mazpulki_club].filter(Boolean).join(", ") || _t("Warning"),
                type: "danger",
                className: "o_mazpulki_desk_refusal",
            });
            return;
        }
        this.registrationId = result.id;
        this.closeLastDialog?.();
        this.closeLastDialog = this.dialog.add(EventRegistrationSummaryDialog, {
            playSound: (type) => this.playSound(type),
            doNextScan: () => this.doNextScan(),
            registration: result,
        });
    },
});
