import { registry } from "@web/core/registry";

function paste(selector, text) {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document
        .querySelector(selector)
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
}

// "Continue" on a computer without a camera: the desk waits for the next code in its
// field, with no camera dialog ("Unable to access camera") over it.
function assertNoCameraDialog() {
    const modals = document.querySelectorAll(".modal");
    if (document.querySelector(".o-barcode-modal") || modals.length > 1) {
        throw new Error(`The camera opened after "Continue" (${modals.length} dialogs open)`);
    }
}

registry.category("web_tour.tours").add("mazpulki_events_desk_gate", {
    steps: () => [
        // the attendee list of the event, as the desk
        {
            content: "Open the event's attendees",
            trigger: ".o_form_view .oe_stat_button:contains('Attendees')",
            run: "click",
        },
        {
            content: "The list opens, with the club of each attendee",
            trigger: ".o_list_view .o_data_row:contains('Madara Liepiņa') td[name='mazpulki_club_id']:contains('Testa mazpulks Kurzemē')",
        },
        {
            content: "Back to the event",
            trigger: ".o_breadcrumb a:contains('Vārtu nometne')",
            run: "click",
        },
        {
            content: "Open the registration desk of the camp",
            trigger: ".o_form_view .o_form_statusbar button:contains('Registration Desk')",
            run: "click",
        },
        // a code typed by hand: the short code under the QR, in small letters with a space
        {
            content: "The code field has the focus",
            trigger: ".o_mazpulki_desk_code:focus",
            run: "edit k7m2 9qx0",
        },
        {
            content: "Check in",
            trigger: ".o_mazpulki_desk_code_submit",
            run: "click",
        },
        {
            content: "Madara is checked in",
            trigger: ".modal:contains('Madara Liepiņa') .alert-success",
        },
        {
            content: "Continue",
            trigger: ".modal footer .btn-primary:contains('Continue')",
            run: "click",
        },
        {
            content: "No dialog: the code field waits for the next code",
            trigger: "body:not(:has(.modal)) .o_mazpulki_desk_code:focus",
        },
        // a member number pasted
        {
            content: "Paste the adult's member number",
            trigger: ".o_mazpulki_desk_code",
            run: () => paste(".o_mazpulki_desk_code", " MP-900001 "),
        },
        {
            content: "Kārlis walks in, checked in at once; the field is empty again",
            trigger: ".modal:contains('Kārlis Bērziņš') .alert-success",
            run: () => {
                assertNoCameraDialog();
                if (document.querySelector(".o_mazpulki_desk_code").value) {
                    throw new Error("The pasted code stayed in the field");
                }
            },
        },
        {
            content: "Continue",
            trigger: ".modal footer .btn-primary:contains('Continue')",
            run: "click",
        },
        // a child of 11 without a registration, and her father at the gate
        {
            content: "Type Roberts' card code",
            trigger: "body:not(:has(.modal)) .o_mazpulki_desk_code",
            run: "edit TourCardRoberts1",
        },
        {
            content: "Check in",
            trigger: ".o_mazpulki_desk_code_submit",
            run: "click",
        },
        {
            content: "The desk asks whether a guardian is here",
            trigger: ".o_mazpulki_gate_dialog:contains('Roberts Vītols'):contains('Testa mazpulks Latgalē')",
            run: assertNoCameraDialog,
        },
        {
            content: "Nothing is recorded without the guardian's name, phone and consent",
            trigger: ".o_mazpulki_gate_record:disabled",
        },
        {
            content: "The guardian's name",
            trigger: ".o_mazpulki_gate_name",
            run: "edit Pēteris Vītols",
        },
        {
            content: "The guardian's phone",
            trigger: ".o_mazpulki_gate_phone",
            run: "edit +371 29 123 456",
        },
        {
            content: "The guardian consents",
            trigger: ".o_mazpulki_gate_consent",
            run: "check",
        },
        {
            content: "Record the consent and check in",
            trigger: ".o_mazpulki_gate_record:enabled",
            run: "click",
        },
        {
            content: "Roberts is checked in, with the consent at the gate",
            trigger: ".modal:contains('Roberts Vītols') .alert-success",
        },
        {
            content: "The dialog says the consent is recorded",
            trigger: ".modal .o_mazpulki_desk_gate_recorded",
        },
        {
            content: "Continue",
            trigger: ".modal footer .btn-primary:contains('Continue')",
            run: "click",
        },
        // the search tells namesakes apart
        {
            content: "Find an attendee",
            trigger: "body:not(:has(.modal)) .o_event_select_attendee",
            run: "click",
        },
        {
            content: "Search everyone, checked in or not",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Search for Roberts",
            trigger: ".o_searchview_input",
            run: "edit Roberts",
        },
        {
            content: "Search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Roberts' card shows his club and age group",
            trigger: ".o_kanban_record:contains('Roberts Vītols') .o_mazpulki_kanban_member:contains('Testa mazpulks Latgalē'):contains('7–12')",
        },
    ],
});
