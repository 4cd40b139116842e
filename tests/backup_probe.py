# Run inside `odoo-bin shell` by tests/backup_roundtrip: writes, as JSON to
# $MAZPULKI_PROBE_OUT, what a backup must carry over: the row count of every
# suite model, the bytes (SHA-256) of evidence attachments and of a member
# card's QR code. With MAZPULKI_PROBE_PREPARE=1 it first adds a project
# evidence file (binary, in the filestore) so there is always one to compare.
# ruff: noqa: F821  (env is given by odoo-bin shell)
import hashlib
import io
import json
import os

from PIL import Image

from odoo.tools import SQL

if os.environ.get("MAZPULKI_PROBE_PREPARE") == "1":
    project = env["mazpulki.project"].search([], order="id", limit=1)
    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4 % 256, y * 5 % 256, (x * y) % 256) for y in range(48) for x in range(64)])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    payload = buffer.getvalue()
    if project and not env["ir.attachment"].search_count([("name", "=", "roundtrip-evidence.png")]):
        attachment = env["ir.attachment"].create(
            {
                "name": "roundtrip-evidence.png",
                "raw": payload,
                "res_model": "mazpulki.project",
                "res_id": project.id,
            }
        )
        project.evidence_ids = [(4, attachment.id)]
        env.cr.commit()

suite = [
    m for m in env["ir.module.module"].search([("state", "=", "installed")]).mapped("name") if m.startswith("mazpulki")
]
model_ids = env["ir.model.data"].search([("model", "=", "ir.model"), ("module", "in", suite)]).mapped("res_id")
counts = {}
for model in env["ir.model"].browse(model_ids).sorted("model"):
    records = env.get(model.model)
    if records is None or records._transient or records._abstract or not records._auto:
        continue
    env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(records._table)))
    counts[model.model] = env.cr.fetchone()[0]

evidence = {}
attachments = env["ir.attachment"].search(
    [("res_model", "in", ["mazpulki.project", "mazpulki.strategy.entry"]), ("store_fname", "!=", False)],
    order="name, id",
)
for attachment in attachments:
    evidence[f"{attachment.res_model}/{attachment.name}/{attachment.res_id}"] = hashlib.sha256(
        attachment.raw or b""
    ).hexdigest()

card = env["mazpulki.member.card"].search([("state", "=", "active")], order="code", limit=1)
result = {
    "counts": counts,
    "evidence": evidence,
    "card": {
        "code": card.code,
        "qr_sha256": hashlib.sha256(card.qr_image or b"").hexdigest(),
        "qr_size": len(card.qr_image or b""),
        "member": card.member_id.name,
    },
    "attachments": env["ir.attachment"].search_count([]),
    "is_neutralized": env["ir.config_parameter"].get_param("database.is_neutralized") or "",
    "uuid": env["ir.config_parameter"].get_param("database.uuid"),
    "active_crons": env["ir.cron"].search_count([]),
    "active_mail_servers": env["ir.mail_server"].search([]).mapped("smtp_host"),
}
with open(os.environ["MAZPULKI_PROBE_OUT"], "w", encoding="utf-8") as out:
    json.dump(result, out, indent=1, sort_keys=True)
