import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mazpulki_portal_volunteering", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Volunteering from the portal home",
            trigger: "a[href='/my/volunteering']",
            run: "click",
        },
        {
            content: "Choose the activity",
            trigger: "select[name='activity_id']",
            run: "selectByLabel Talka work day",
        },
        {
            content: "Type the hours",
            trigger: "input[name='hours']",
            run: "edit 3,5",
        },
        {
            content: "Say what was done",
            trigger: "input[name='name']",
            run: "edit Sakopām skolas dārzu",
        },
        {
            content: "Log the hours",
            trigger: ".o_mazpulki_volunteer_form button[type='submit']",
            run: "click",
        },
        {
            content: "Thanked",
            trigger: ".o_mazpulki_volunteer_saved",
        },
        {
            content: "The new line is listed, pending approval",
            trigger: ".o_mazpulki_volunteer_lines tr:contains('Sakopām skolas dārzu') .badge:contains('Pending')",
        },
    ],
});
