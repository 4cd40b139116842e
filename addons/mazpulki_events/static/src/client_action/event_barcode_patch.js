/** @odoo-module **/

import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { user } from "@web/core/user";
import { ConnectionLostError } from "@web/core/network/rpc";
import { browser } from "@web/core/browser/browser";
import { isMobileOS } from "@web/core/browser/feature_detection";
import { loadJS } from "@web/core/assets";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { EventScanView } from "@event/client_action/event_barcode";
import { EventRegistrationSummaryDialog } from "@event/client_action/event_registration_summary_dialog";
import { useBus, useService } from "@web/core/utils/hooks";
import { OfflineDesk } from "../offline/offline_desk";
import { MazpulkiGateConsentDialog } from "./gate_consent_dialog";

// A scan the server does not answer within this time is decided offline.
const SCAN_TIMEOUT = 8000;
// While scans wait, the desk tries to send them this often.
const SYNC_INTERVAL = 15000;

class ScanTimeout extends Error {}

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
        this.mazpulkiOffline = useState({ ready: false, members: 0, waiting: 0, preparing: false });
        // The code field: a card's code, its short code or a member number, typed, pasted or
        // typed by a card reader into the field; it keeps the focus between scans.
        this.mazpulkiCode = useState({ value: "" });
        this.mazpulkiCodeRef = useRef("mazpulkiCode");
        onMounted(() => {
            this.mazpulkiFocusCode();
            // again once the web client has settled (opened by its URL, it focuses its own root)
            browser.setTimeout(() => this.mazpulkiFocusCode(), 300);
        });
        // Whether the last scan came from the camera: only then does "Continue" open the
        // camera again for the next one (a desk computer has a card reader, or a keyboard,
        // and often no camera at all).
        this.mazpulkiCameraScan = false;
        useBus(useService("barcode").bus, "barcode_scanned", () => {
            this.mazpulkiCameraScan = false;
        });
        if (this.eventId) {
            this.props.updateActionState?.({ event_id: this.eventId });
            onMounted(() => this.props.updateActionState?.({ event_id: this.eventId }));
            this.offlineDesk = new OfflineDesk(this.eventId, this.orm);
            onWillStart(async () => {
                await this.offlineDesk.load();
                this.mazpulkiRefreshOffline();
                if (this.offlineDesk.ready) {
                    this.mazpulkiPreloadCamera();
                }
            });
            const trySync = () => this.mazpulkiSync();
            const interval = browser.setInterval(trySync, SYNC_INTERVAL);
            browser.addEventListener("online", trySync);
            onWillUnmount(() => {
                browser.clearInterval(interval);
                browser.removeEventListener("online", trySync);
            });
        }
    },

    mazpulkiFocusCode() {
        // not on a phone: the focus would open its keyboard over the camera's button
        if (!isMobileOS()) {
            this.mazpulkiCodeRef?.el?.focus();
        }
    },

    async onSubmitMazpulkiCode(ev) {
        ev?.preventDefault();
        const code = this.mazpulkiCode.value.trim();
        this.mazpulkiCode.value = "";
        // the field itself too: after a paste the state goes from "" back to "" in one tick, and the
        // rendering leaves whatever the browser put in the field (the next code was appended to it)
        if (this.mazpulkiCodeRef.el) {
            this.mazpulkiCodeRef.el.value = "";
        }
        if (code) {
            this.mazpulkiCameraScan = false;
            await this.onBarcodeScanned(code);
        }
    },

    onPasteMazpulkiCode(ev) {
        // a pasted code is whole: check it in at once, as a card reader's Enter does
        const text = ev.clipboardData?.getData("text") || "";
        if (text.trim()) {
            ev.preventDefault();
            this.mazpulkiCode.value = text;
            return this.onSubmitMazpulkiCode();
        }
    },

    onMazpulkiCameraScanned(barcode) {
        this.mazpulkiCameraScan = true;
        return this.onBarcodeScanned(barcode);
    },

    async doNextScan() {
        // Odoo opens the camera for the next scan whenever the browser has a camera API,
        // also on a computer without a camera ("Could not access the camera"), and the
        // card reader's next scan was lost behind that dialog.
        if (!this.mazpulkiCameraScan) {
            this.mazpulkiFocusCode();
            return;
        }
        return super.doNextScan(...arguments);
    },

    mazpulkiPreloadCamera() {
        // The camera scanner (the next scan after a check-in, on a phone or tablet)
        // loads its library on first use, which fails offline: load it while online.
        if (isBarcodeScannerSupported() && !("BarcodeDetector" in window)) {
            loadJS("/web/static/lib/zxing-library/zxing-library.js").catch(() => {});
        }
    },

    mazpulkiRefreshOffline() {
        Object.assign(this.mazpulkiOffline, {
            ready: this.offlineDesk.ready,
            members: this.offlineDesk.entries.size,
            waiting: this.offlineDesk.waiting,
        });
    },

    async onClickMazpulkiPrepareOffline() {
        this.mazpulkiOffline.preparing = true;
        try {
            const count = await this.offlineDesk.prepare();
            this.mazpulkiPreloadCamera();
            this.notification.add(_t("The desk can check %s members in without the network.", count), {
                type: "success",
            });
        } finally {
            this.mazpulkiOffline.preparing = false;
            this.mazpulkiRefreshOffline();
        }
    },

    async mazpulkiSync() {
        if (!this.offlineDesk?.waiting) {
            return;
        }
        try {
            const synced = await this.offlineDesk.sync();
            if (synced) {
                this.notification.add(_t("%s offline scans synced.", synced), { type: "info" });
            }
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
        } finally {
            this.mazpulkiRefreshOffline();
        }
    },

    playSound(type) {
        // Offline, the browser may have to fetch the sound again and fail: Odoo's
        // play() then rejects with an error the web client shows as "Oops!". A scan
        // is not an error for want of a sound.
        const sound = this.sounds[type || "notify"];
        sound.currentTime = 0;
        sound.play()?.catch(() => {});
    },

    async onBarcodeScanned(barcode) {
        let result;
        try {
            let timer;
            const timeout = new Promise((_resolve, reject) => {
                timer = browser.setTimeout(() => reject(new ScanTimeout()), SCAN_TIMEOUT);
            });
            result = await Promise.race([
                this.orm.silent.call("event.registration", "register_attendee", [], {
                    barcode: barcode,
                    event_id: this.eventId,
                }),
                timeout,
            ]).finally(() => browser.clearTimeout(timer));
        } catch (error) {
            const offline = error instanceof ConnectionLostError || error instanceof ScanTimeout;
            if (!offline || !this.offlineDesk?.ready) {
                if (offline) {
                    this.notification.add(_t("No network: prepare the desk offline while it is online."), {
                        type: "danger",
                    });
                    return;
                }
                throw error;
            }
            result = await this.offlineDesk.scan(barcode, user.userId);
            this.mazpulkiRefreshOffline();
        }
        if (!result.mazpulki_offline) {
            this.mazpulkiSync();
        }
        if (result.mazpulki_gate_possible && !result.mazpulki_offline) {
            // a child without the guardian's approval: the guardian may be here at the gate
            this.closeLastDialog?.();
            this.playSound("error");
            this.closeLastDialog = this.dialog.add(
                MazpulkiGateConsentDialog,
                {
                    barcode,
                    eventId: this.eventId,
                    registration: result,
                    onRecorded: (recorded) => this.mazpulkiShowResult(recorded),
                },
                { onClose: () => this.mazpulkiFocusCode() }
            );
            return;
        }
        this.mazpulkiShowResult(result);
    },

    mazpulkiShowResult(result) {
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
        this.closeLastDialog = this.dialog.add(
            EventRegistrationSummaryDialog,
            {
                playSound: (type) => this.playSound(type),
                doNextScan: () => this.doNextScan(),
                registration: result,
            },
            { onClose: () => this.mazpulkiFocusCode() }
        );
    },

    onClickBackToEvents() {
        // the desk is closed: nothing of the event stays in the browser once its scans are sent
        if (this.offlineDesk && !this.offlineDesk.waiting) {
            this.offlineDesk.clear();
        }
        return super.onClickBackToEvents(...arguments);
    },
});

// A result the desk decided offline has no server behind it: "Continue" goes on to
// the next scan, and undo (hidden offline, see the template) waits for the network.
patch(EventRegistrationSummaryDialog.prototype, {
    async onRegistrationConfirm() {
        if (this.registration.mazpulki_offline) {
            this.props.close();
            if (this.props.doNextScan) {
                this.onScanNext();
            }
            return;
        }
        return super.onRegistrationConfirm(...arguments);
    },

    async undoRegistration() {
        if (this.registration.mazpulki_offline) {
            return;
        }
        return super.undoRegistration(...arguments);
    },
});
