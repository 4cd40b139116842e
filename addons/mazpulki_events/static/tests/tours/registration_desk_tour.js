import { registry } from "@web/core/registry";

// A card reader types the code and presses Enter, faster than a person could.
function typeCardCode(code) {
    for (const key of [...code, "Enter"]) {
        document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    }
}

registry.category("web_tour.tours").add("mazpulki_events_registration_desk", {
    steps: () => [
        {
            content: "Open the registration desk of the camp",
            trigger: ".o_form_view .o_form_statusbar button:contains('Registration Desk')",
            run: "click",
        },
        {
            content: "The desk waits for a scan",
            trigger: ".o_event_barcode_main:contains('Tour nometne')",
        },
        {
            content: "Scan Madara's membership card",
            trigger: ".o_event_barcode_main",
            run: () => typeCardCode("TourCardMadara01"),
        },
        {
            content: "She is checked in, with her club and age group",
            trigger: ".modal .alert-success",
        },
        {
            content: "The club is shown",
            trigger: ".modal .o_mazpulki_desk_club:contains('Testa mazpulks Kurzemē')",
        },
        {
            content: "The age group is shown",
            trigger: ".modal .o_mazpulki_desk_age_group:contains('13–17 years')",
        },
        {
            content: "A revoked card is refused without a dialog to close",
            trigger: ".modal .alert-success",
            run: () => typeCardCode("TourCardRevoked1"),
        },
        {
            content: "The refusal tells the reason",
            trigger: ".o_mazpulki_desk_refusal:contains('revoked')",
        },
        {
            content: "The desk's URL names its event",
            trigger: ".o_event_barcode_main",
            run: () => {
                if (!/[?&]event_id=\d+/.test(window.location.search)) {
                    throw new Error(`The desk's URL does not name its event: ${window.location.href}`);
                }
                window.location.reload();
            },
        },
        {
            content: "After a reload the desk still shows its event",
            trigger: ".o_event_barcode_main:contains('Tour nometne')",
        },
        {
            content: "and checks members in: Madara is already in",
            trigger: ".o_event_barcode_main",
            run: () => typeCardCode("TourCardMadara01"),
        },
        {
            content: "The card is answered for this event, not refused for want of one",
            trigger: ".modal .o_mazpulki_desk_checked_in_at",
        },
    ],
});
