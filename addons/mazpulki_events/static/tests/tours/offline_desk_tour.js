import { registry } from "@web/core/registry";

// A card reader types the code and presses Enter, faster than a person could.
function typeCardCode(code) {
    for (const key of [...code, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

// The network is cut from the page: every request the web client sends fails as
// it does when the camp's mobile network drops (the browser's "error" event).
function cutNetwork() {
    const send = XMLHttpRequest.prototype.send;
    window.__mazpulkiRealSend = send;
    XMLHttpRequest.prototype.send = function (body) {
        if (window.__mazpulkiOffline) {
            setTimeout(() => this.dispatchEvent(new ProgressEvent("error")));
            return;
        }
        return send.call(this, body);
    };
    window.__mazpulkiOffline = true;
}

function restoreNetwork() {
    window.__mazpulkiOffline = false;
    window.dispatchEvent(new Event("online"));
}

registry.category("web_tour.tours").add("mazpulki_events_offline_desk", {
    steps: () => [
        {
            content: "Open the registration desk of the camp",
            trigger: ".o_form_view .o_form_statusbar button:contains('Registration Desk')",
            run: "click",
        },
        {
            content: "The desk is not ready offline yet",
            trigger: ".o_mazpulki_desk_offline:contains('Not ready offline')",
        },
        {
            content: "Prepare offline",
            trigger: ".o_mazpulki_desk_prepare",
            run: "click",
        },
        {
            content: "The desk is ready offline, with the camp's members",
            trigger: ".o_mazpulki_desk_ready",
            run: cutNetwork,
        },
        {
            content: "Offline: scan Madara's card",
            trigger: ".o_event_barcode_main",
            run: () => typeCardCode("OfflineMadara001"),
        },
        {
            content: "She is checked in at once",
            trigger: ".modal:contains('Madara') .alert-success",
        },
        {
            content: "Offline, the check-in cannot be undone: the dialog says so instead of offering it",
            trigger: ".modal .alert-success:not(:has(button)) .o_mazpulki_undo_offline",
        },
        {
            content: "Offline: scan Kārlis's card",
            trigger: ".o_mazpulki_desk_waiting:contains('1')",
            run: () => typeCardCode("OfflineKarlis001"),
        },
        {
            content: "He is checked in too",
            trigger: ".o_mazpulki_desk_waiting:contains('2')",
        },
        {
            content: "Continue",
            trigger: ".modal:contains('Kārlis') footer .btn-primary:contains('Continue')",
            run: "click",
        },
        {
            content: "Offline: type the member number of Jānis, who turns 18 today and walks in",
            trigger: "body:not(:has(.modal)) .o_mazpulki_desk_code",
            run: "edit mp 900002",
        },
        {
            content: "Check in",
            trigger: ".o_mazpulki_desk_code_submit",
            run: "click",
        },
        {
            content: "He is 18 on the scan's day: registered and checked in without a guardian",
            trigger: ".modal:contains('Jānis Jubilārs') .alert-success",
        },
        {
            content: "Offline: scan Roberts's card, who is 11 and not registered",
            trigger: ".o_mazpulki_desk_waiting:contains('3')",
            run: () => typeCardCode("OfflineRoberts01"),
        },
        {
            content: "He is refused, with the reason, offline too",
            trigger: ".o_mazpulki_desk_refusal:contains('under 18')",
        },
        {
            content: "Offline: scan a guest's ticket (Odoo's own barcode)",
            trigger: ".o_mazpulki_desk_waiting:contains('4')",
            run: () => typeCardCode("4242424242424242"),
        },
        {
            content: "The guest is checked in offline",
            trigger: ".modal:contains('Viesis Pēteris') .alert-success",
        },
        {
            content: "Five scans wait; the banner says undo waits for the network",
            trigger: ".o_mazpulki_desk_waiting:contains('5 scans waiting')",
        },
        {
            content: "Restore the network",
            trigger: ".o_mazpulki_desk_no_undo",
            run: restoreNetwork,
        },
        {
            content: "The network is back: the scans are synced",
            trigger: ".o_mazpulki_desk_ready",
        },
    ],
});
