import { registry } from "@web/core/registry";

// Anda, on a 390-px phone, registers both her children for a youth event: she picks each
// child, their names come from the registry, and the page says the registration is confirmed.
registry.category("web_tour.tours").add("mazpulki_events_family_registration", {
    steps: () => [
        {
            content: "Open the registration",
            trigger: "button[data-bs-target='#modal_ticket_registration']",
            run: "click",
        },
        {
            content: "Two places",
            trigger: "#modal_ticket_registration select[name^='nb_register']",
            run: "select 2",
        },
        {
            content: "Go on to the attendees",
            trigger: "#modal_ticket_registration .modal-footer button[type='submit']:enabled",
            run: "click",
        },
        {
            content: "Her own data is not prefilled as an attendee's",
            trigger: ".modal.modal_shown.show form#attendee_registration input[name^='1-name-']:value()",
        },
        {
            content: "A person's name is a full name",
            trigger: "form#attendee_registration label:contains('Full name')",
        },
        {
            content: "The first place is Marta's",
            trigger: "form#attendee_registration select[name='1-partner_id']",
            run: "selectByLabel Marta Bērziņa",
        },
        {
            content: "Her name comes from the registry",
            trigger: "form#attendee_registration input[name^='1-name-']:value(Marta Bērziņa)",
        },
        {
            content: "The second place is Kārlis'",
            trigger: "form#attendee_registration select[name='2-partner_id']",
            run: "selectByLabel Kārlis Bērziņš",
        },
        {
            content: "The form fits the phone",
            trigger: "form#attendee_registration input[name^='2-name-']:value(Kārlis Bērziņš)",
            run() {
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth) {
                    throw new Error(`The page is ${width} px wide on a ${window.innerWidth}-px screen.`);
                }
            },
        },
        {
            content: "Confirm the registration",
            trigger: ".modal#modal_attendees_registration:not(.o_inactive_modal) button[type=submit].btn-primary",
            run: "click",
        },
        {
            content: "Both are registered: the guardian registered them",
            trigger: ".o_wereg_confirmed:not(:has(.o_mazpulki_waiting_guardian))",
        },
    ],
});

// An anonymous visitor on a youth event: asked to sign in, then her registration is a
// request for the office, and the page says it is not confirmed.
registry.category("web_tour.tours").add("mazpulki_events_youth_request", {
    steps: () => [
        {
            content: "Asked to sign in",
            trigger: ".o_mazpulki_youth_sign_in a[href^='/web/login']",
        },
        {
            content: "Register without signing in",
            trigger: "button[data-bs-target='#modal_ticket_registration']",
            run: "click",
        },
        {
            content: "One place",
            trigger: "#modal_ticket_registration .modal-footer button[type='submit']:enabled",
            run: "click",
        },
        {
            content: "Told it is a request for the office",
            trigger: ".modal.modal_shown.show form#attendee_registration .o_mazpulki_youth_request",
        },
        {
            content: "The child's name",
            trigger: "form#attendee_registration input[name^='1-name-']",
            run: "edit Elza Lapiņa",
        },
        {
            content: "The parent's e-mail",
            trigger: "form#attendee_registration input[name^='1-email-']",
            run: "edit ilona.lapina@example.lv",
        },
        {
            content: "Send",
            trigger: ".modal#modal_attendees_registration:not(.o_inactive_modal) button[type=submit].btn-primary",
            run: "click",
        },
        {
            content: "Received, not confirmed",
            trigger: ".o_wereg_confirmed .o_mazpulki_request_title",
        },
        {
            content: "and what the office does next; no ticket",
            trigger: ".o_wereg_confirmed:has(.o_mazpulki_request_received):not(:has(.o_wevent_download_ticket_btn))",
        },
    ],
});

// A guardian declines on the phone: the decline asks first.
registry.category("web_tour.tours").add("mazpulki_events_decline_asks_first", {
    steps: () => [
        {
            content: "Decline",
            trigger: "tr.o_mazpulki_waiting details.o_mazpulki_decline summary",
            run: "click",
        },
        {
            content: "It asks first",
            trigger: "tr.o_mazpulki_waiting details.o_mazpulki_decline[open] .o_mazpulki_decline_confirm",
            run: "click",
        },
        {
            content: "Declined",
            trigger: ".o_mazpulki_declined",
        },
    ],
});
