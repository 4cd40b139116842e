from . import models, wizard


def uninstall_hook(env):
    """Without surveys, M6d is an entered figure again."""
    target = env.ref("mazpulki_strategy.target_m6d", raise_if_not_found=False)
    if target and target.measure_code == "survey.youth_surveys":
        target.write({"source": "entered", "measure_code": False})
