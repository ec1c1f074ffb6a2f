import { z } from "zod";

// zod's own messages (a wrong type, a missing field) in Vietnamese, on the server and in the
// browser alike; each schema's own messages still say more where it matters.
z.config(z.locales.vi());
