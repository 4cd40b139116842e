import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_portal_membership", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Membership from the portal home",
            trigger: "a[href='/my/membership']",
            run: "click",
        },
        {
            content: "The member's own page shows their club",
            trigger: ".o_mazpulki_membership h3:contains('Madara Liepiņa')",
        },
        {
            content: "The personal QR card is shown",
            trigger: ".o_mazpulki_qr_card img.o_mazpulki_portal_qr[src^='data:image/png;base64,']",
        },
        {
            content: "and can be downloaded",
            trigger: ".o_mazpulki_qr_card a.o_mazpulki_card_download",
        },
        {
            content: "Correct the phone number",
            trigger: "input[name='phone']",
            run: "edit +371 29123456",
        },
        {
            content: "Save",
            trigger: ".o_mazpulki_member_form button[type='submit']",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".alert-success",
        },
    ],
});
