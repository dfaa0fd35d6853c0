def phone_shot(img, seed):
    return b""
