import { registry } from "@web/core/registry";

function birthDate(years) {
    const day = new Date();
    day.setFullYear(day.getFullYear() - years);
    day.setDate(day.getDate() - 30);
    return day.toISOString().slice(0, 10);
}

registry.category("web_tour.tours").add("mazpulki_join_parent", {
    url: "/clubs",
    steps: () => [
        {
            content: "The parent finds the club on the club finder",
            trigger: ".o_mazpulki_club_card:contains('Tūres mazpulks') a.o_mazpulki_join",
            run: "click",
        },
        {
            content: "The child's name",
            trigger: "input[name='name']",
            run: "edit Emīls Tūrs",
        },
        {
            content: "The child is 8",
            trigger: "input[name='birthdate_date']",
            run: function () {
                this.anchor.value = birthDate(8);
            },
        },
        { trigger: "input[name='school_name']", run: "edit Tūres pamatskola" },
        { trigger: "input[name='school_grade']", run: "edit 2.a" },
        { trigger: "input[name='guardian_name']", run: "edit Laura Tūre" },
        { trigger: "input[name='guardian_email']", run: "edit laura.ture@example.lv" },
        {
            content: "A wrong phone number",
            trigger: "input[name='guardian_phone']",
            run: "edit 12ab",
        },
        { trigger: "input[name='consent_data_processing']", run: "click" },
        { trigger: "input[name='consent_photo']", run: "click" },
        {
            content: "Send",
            trigger: ".o_mazpulki_join_form button[type='submit']",
            run: "click",
        },
        {
            content: "The phone is refused with an explanation",
            trigger: "input[name='guardian_phone'].is-invalid ~ .invalid-feedback:contains('8 digits')",
        },
        {
            content: "and the rest is kept",
            trigger: "input[name='name'][value='Emīls Tūrs']",
        },
        { trigger: "input[name='guardian_email'][value='laura.ture@example.lv']" },
        { trigger: "input[name='consent_photo']:checked" },
        {
            content: "The parent corrects the phone",
            trigger: "input[name='guardian_phone']",
            run: "edit +371 26114455",
        },
        {
            content: "and sends again",
            trigger: ".o_mazpulki_join_form button[type='submit']",
            run: "click",
        },
        {
            content: "Thank you",
            trigger: ".o_mazpulki_join_thanks",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_join_leader", {
    url: "/odoo/mazpulki-applications",
    steps: () => [
        {
            content: "The leader opens the new application",
            trigger: ".o_data_row:contains('Emīls Tūrs') td[name='name']",
            run: "click",
        },
        {
            content: "Accept",
            trigger: ".o_form_view button[name='action_accept']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The application is accepted and the member created",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Accepted')",
        },
        {
            trigger: ".oe_stat_button[name='action_view_member']",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_join_signup", {
    steps: () => [
        {
            content: "The parent chooses a password from the invitation",
            trigger: "input[name='password']",
            run: "edit Mazpulki-Tūre-2026",
        },
        { trigger: "input[name='confirm_password']", run: "edit Mazpulki-Tūre-2026" },
        {
            trigger: ".oe_signup_form button[type='submit']",
            run: "click",
        },
        {
            content: "My membership from the portal home",
            trigger: "a[href='/my/membership']",
            run: "click",
        },
        {
            content: "The child is there",
            trigger: ".o_mazpulki_member_link:contains('Emīls Tūrs')",
            run: "click",
        },
        {
            content: "with a card",
            trigger: ".o_mazpulki_qr_card img.o_mazpulki_portal_qr[src^='data:image/png;base64,']",
        },
    ],
});
