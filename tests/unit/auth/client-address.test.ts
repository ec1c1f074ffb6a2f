import { describe, expect, it } from "vitest";
import { addressFromHeaders, CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.5", undefined, [])).toBe("203.0.113.5");
    expect(clientAddress("203.0.113.5", "1.2.3.4", [])).toBe("203.0.113.5");
    expect(clientAddress("::ffff:127.0.0.1", "9.9.9.9, 8.8.8.8", [])).toBe("127.0.0.1");
  });

  it("is the nearest untrusted address in X-Forwarded-For behind trusted proxies", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7", ["loopback"])).toBe("198.51.100.7");
    // A client that adds its own X-Forwarded-For in front of the proxy's gains nothing: the proxy appended the real one.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", ["10.0.0.0/8"])).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.9", ["10.0.0.0/8"])).toBe("198.51.100.7");
  });

  it("is read back only from the header the app's own server sets", () => {
    expect(addressFromHeaders({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "1.2.3.4" })).toBe(
      "198.51.100.7",
    );
    expect(addressFromHeaders({ "x-forwarded-for": "1.2.3.4" })).toBeNull();
    expect(addressFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: "::1" }))).toBe("::1");
  });
});
