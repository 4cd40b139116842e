import { registry } from "@web/core/registry";

// A 1×1 PNG, the photo the member adds to the report.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

registry.category("web_tour.tours").add("mazpulki_projects_portal_apply", {
    url: "/my/projects",
    steps: () => [
        {
            content: "Apply on the open theme",
            trigger: ".o_mazpulki_open_themes li:contains('Testa tēma: Mans dārzs') a.o_mazpulki_apply",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_mazpulki_application_form input[name='name']",
            run: "edit Zemeņu dobe",
        },
        {
            content: "Goal",
            trigger: ".o_mazpulki_application_form textarea[name='goal']",
            run: "edit Izaudzēt zemenes skolas tirdziņam.",
        },
        {
            content: "Save the draft and come back later",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_save_draft",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_mazpulki_saved",
        },
        {
            content: "Come back to the draft",
            trigger: "a.o_mazpulki_edit_application",
            run: "click",
        },
        {
            content: "What was typed is still there",
            trigger: ".o_mazpulki_application_form textarea[name='goal']:value(Izaudzēt zemenes skolas tirdziņam.)",
        },
        {
            content: "Plan",
            trigger: ".o_mazpulki_application_form textarea[name='plan']",
            run: "edit Aprīlī stādu, jūnijā novācu ražu.",
        },
        {
            content: "Expected result",
            trigger: ".o_mazpulki_application_form textarea[name='expected_result']",
            run: "edit 10 kg zemeņu.",
        },
        {
            content: "Submit",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_submit",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_mazpulki_submitted",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_projects_portal_report", {
    steps: () => [
        {
            content: "Write the final report",
            trigger: "a.o_mazpulki_write_report",
            run: "click",
        },
        {
            content: "What was done",
            trigger: ".o_mazpulki_report_form textarea[name='report_done']",
            run: "edit Iestādīju 30 zemeņu stādus un tos kopu.",
        },
        {
            content: "Results",
            trigger: ".o_mazpulki_report_form textarea[name='report_results']",
            run: "edit Novācu 12 kg zemeņu.",
        },
        {
            content: "What was learned",
            trigger: ".o_mazpulki_report_form textarea[name='report_learned']",
            run: "edit Kā laistīt un mulčēt.",
        },
        {
            content: "Hours spent",
            trigger: ".o_mazpulki_report_form input[name='report_hours']",
            run: "edit 24",
        },
        {
            content: "Add a photo",
            trigger: ".o_mazpulki_report_form input[name='evidence']",
            run() {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "zemenes.png", { type: "image/png" }));
                const input = document.querySelector(".o_mazpulki_report_form input[name='evidence']");
                input.files = transfer.files;
            },
        },
        {
            content: "Submit the report",
            trigger: ".o_mazpulki_report_form button.o_mazpulki_submit_report",
            run: "click",
        },
        {
            content: "The report is submitted, with the photo",
            trigger: ".o_mazpulki_report_submitted",
        },
        {
            content: "The photo is listed",
            trigger: ".o_mazpulki_evidence a:contains('zemenes.png')",
        },
    ],
});

registry.category("web_tour.tours").add("mazpulki_projects_portal_evaluation", {
    steps: () => [
        {
            content: "The evaluation is shown with the score",
            trigger: ".o_mazpulki_score:contains('9.0')",
        },
        {
            content: "and the reviewer's comment",
            trigger: ".o_mazpulki_review_comment:contains('Ļoti rūpīgs darbs!')",
        },
    ],
});

// A member on her phone applies for a team theme with a budget: the refused submissions keep
// what she typed and leave no draft behind.
registry.category("web_tour.tours").add("mazpulki_projects_portal_team_budget", {
    url: "/my/projects",
    steps: () => [
        {
            content: "Apply on the team theme",
            trigger: ".o_mazpulki_open_themes li:contains('Pētnieki dabā') a.o_mazpulki_apply",
            run: "click",
        },
        {
            content: "Only her own club's members are offered as team-mates",
            trigger: ".o_mazpulki_teammates:contains('Ērika Šķēle')",
        },
        {
            content: "Title",
            trigger: ".o_mazpulki_application_form input[name='name']",
            run: "edit Putni pie Abavas",
        },
        {
            content: "Goal",
            trigger: ".o_mazpulki_application_form textarea[name='goal']",
            run: "edit Saskaitīt putnus pie upes visu sezonu.",
        },
        {
            content: "Plan",
            trigger: ".o_mazpulki_application_form textarea[name='plan']",
            run: "edit Katru sestdienu vērojam un pierakstām.",
        },
        {
            content: "Expected result",
            trigger: ".o_mazpulki_application_form textarea[name='expected_result']",
            run: "edit Novērojumu tabula dabas datu portālam.",
        },
        {
            content: "Submit without a team-mate and a budget",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_submit",
            run: "click",
        },
        {
            content: "Refused: a team and a budget are needed; what she typed is still there",
            trigger: ".o_mazpulki_error:contains('name at least two members'):contains('requires a budget')",
        },
        {
            content: "The title is kept",
            trigger: ".o_mazpulki_application_form input[name='name']:value(Putni pie Abavas)",
        },
        {
            content: "Choose a team-mate from her club",
            trigger: ".o_mazpulki_teammates .form-check:contains('Ērika Šķēle') input",
            run: "check",
        },
        {
            content: "First budget line: item",
            trigger: "input[name='budget_name_0']",
            run: "edit Binoklis",
        },
        {
            content: "First budget line: amount in euros",
            trigger: "input[name='budget_amount_0']",
            run: "edit 120,50",
        },
        {
            content: "Second line: item",
            trigger: "input[name='budget_name_1']",
            run: "edit Burtnīcas",
        },
        {
            content: "Second line: a word instead of an amount",
            trigger: "input[name='budget_amount_1']",
            run: "edit daudz",
        },
        {
            content: "Submit",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_submit",
            run: "click",
        },
        {
            content: "The amount is refused, next to its line",
            trigger: "input[name='budget_amount_1'].is-invalid",
        },
        {
            content: "The team-mate is still chosen",
            trigger: ".o_mazpulki_teammates .form-check:contains('Ērika Šķēle') input:checked",
        },
        {
            content: "Correct the amount",
            trigger: "input[name='budget_amount_1']",
            run: "edit 9,50",
        },
        {
            content: "Submit again",
            trigger: ".o_mazpulki_application_form button.o_mazpulki_submit",
            run: "click",
        },
        {
            content: "Submitted",
            trigger: ".o_mazpulki_submitted",
        },
        {
            content: "The team-mate waits for the leader's confirmation",
            trigger: ".o_mazpulki_proposed_members:contains('Ērika Šķēle')",
        },
        {
            content: "The budget is shown with its total",
            trigger: ".o_mazpulki_budget_total:contains('130.00')",
        },
    ],
});
