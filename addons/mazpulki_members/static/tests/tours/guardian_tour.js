import { registry } from "@web/core/registry";

function birthDate(years) {
    const day = new Date();
    day.setFullYear(day.getFullYear() - years);
    day.setDate(day.getDate() - 30);
    return day.toISOString().slice(0, 10);
}

// A stranger who knows a child's name and birth date enrols "his" child on the public form.
registry.category("web_tour.tours").add("mazpulki_guardian_stranger_applies", {
    steps: () => [
        { content: "The child's name", trigger: "input[name='name']", run: "edit Marta Sila" },
        {
            content: "The child's birth date (a classmate's parent knows it)",
            trigger: "input[name='birthdate_date']",
            run: function () {
                this.anchor.value = birthDate(10);
            },
        },
        { trigger: "input[name='guardian_name']", run: "edit Viktors Svešais" },
        { trigger: "input[name='guardian_email']", run: "edit viktors.svesais@example.lv" },
        { trigger: "input[name='guardian_phone']", run: "edit +371 29000111" },
        { trigger: "input[name='consent_data_processing']", run: "click" },
        { trigger: "input[name='consent_photo']", run: "click" },
        { content: "Send", trigger: ".o_mazpulki_join_form button[type='submit']", run: "click" },
        { content: "Thank you", trigger: ".o_mazpulki_join_thanks" },
    ],
});

registry.category("web_tour.tours").add("mazpulki_guardian_leader_accepts", {
    steps: () => [
        {
            content: "The leader sees in the list that the adult is new to this child",
            trigger: ".o_data_row:contains('Marta Sila') .badge:contains('awaiting proof')",
        },
        {
            content: "and opens the application",
            trigger: ".o_data_row:contains('Marta Sila') td[name='name']",
            run: "click",
        },
        {
            content: "The application says plainly: a new adult, awaiting proof",
            trigger: ".o_mazpulki_new_adult:contains('Viktors Svešais')",
        },
        { content: "Accept", trigger: ".o_form_view button[name='action_accept']", run: "click" },
        { content: "Confirm", trigger: ".modal-footer button.btn-primary", run: "click" },
        {
            content: "The application is accepted",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Accepted')",
        },
        {
            content: "and still says the adult awaits proof",
            trigger: ".o_mazpulki_new_adult:contains('Viktors Svešais')",
        },
    ],
});

// The mother on file follows the link of the e-mail, on her phone.
registry.category("web_tour.tours").add("mazpulki_guardian_mother_confirms", {
    steps: () => [
        {
            content: "The page names the adult and the child",
            trigger: ".o_mazpulki_guardian_request:contains('Viktors Svešais'):contains('Marta Sila')",
        },
        { content: "Confirm", trigger: "button.o_mazpulki_guardian_confirm", run: "click" },
        {
            content: "Done",
            trigger: ".o_mazpulki_guardian_request .alert-success:contains('Viktors Svešais')",
        },
    ],
});
