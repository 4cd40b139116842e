import { registry } from "@web/core/registry";

// A 15-year-old member registers herself for a camp on the website: the page tells her
// the registration waits for her guardian, and offers no ticket.
registry.category("web_tour.tours").add("mazpulki_events_minor_registration", {
    steps: () => [
        {
            content: "Open the registration",
            trigger: "button[data-bs-target='#modal_ticket_registration']",
            run: "click",
        },
        {
            content: "One place, for herself",
            trigger: "#modal_ticket_registration .modal-footer button[type='submit']:enabled",
            run: "click",
        },
        {
            content: "Her name and e-mail come from the registry",
            trigger: ".modal.modal_shown.show form#attendee_registration input[name*='name']:value(Madara Liepiņa)",
        },
        {
            content: "Confirm the registration",
            trigger: ".modal#modal_attendees_registration:not(.o_inactive_modal) button[type=submit].btn-primary",
            run: "click",
        },
        {
            content: "She is told it waits for her guardian",
            trigger: ".o_wereg_confirmed .o_mazpulki_waiting_title",
        },
        {
            content: "and why, and how the ticket comes",
            trigger: ".o_wereg_confirmed .o_mazpulki_waiting_guardian",
        },
        {
            content: "No ticket is offered",
            trigger: ".o_wereg_confirmed:not(:has(.o_wevent_download_ticket_btn))",
        },
    ],
});
