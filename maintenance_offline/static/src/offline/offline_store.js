import { IndexedDB } from "@web/core/utils/indexed_db";

const CRYPTO_ALGO = "AES-GCM";
export const DB_NAME = "maintenance_offline";
const DB_VERSION = "1";
const TABLE = "data";

/**
 * The technician's offline data in IndexedDB (Odoo's own wrapper), every
 * value encrypted with AES-GCM like Odoo's RPC cache (rpc_cache.js) -- but
 * with a key that lives in the HTTP session only (session info
 * `maintenance_offline_key`): after logout, or in another user's session,
 * what is stored on the phone cannot be decrypted any more, and is wiped at
 * the next start. The key is imported as non-extractable.
 */
export class OfflineStore {
    constructor(secret) {
        this.indexedDB = new IndexedDB(DB_NAME, DB_VERSION + CRYPTO_ALGO);
        this._ready = window.crypto.subtle
            .importKey(
                "raw",
                new Uint8Array(secret.match(/../g).map((h) => parseInt(h, 16))).buffer,
                CRYPTO_ALGO,
                false,
                ["encrypt", "decrypt"]
            )
            .then((key) => {
                this._key = key;
            });
    }

    async _encrypt(value) {
        await this._ready;
        // never reuse an iv with a given key
        const iv = window.crypto.getRandomValues(new Uint8Array(12));
        const ciphertext = await window.crypto.subtle.encrypt(
            { name: CRYPTO_ALGO, iv },
            this._key,
            new TextEncoder().encode(JSON.stringify(value))
        );
        return { ciphertext, iv };
    }

    async _decrypt({ ciphertext, iv }) {
        await this._ready;
        const clear = await window.crypto.subtle.decrypt(
            { name: CRYPTO_ALGO, iv },
            this._key,
            ciphertext
        );
        return JSON.parse(new TextDecoder().decode(clear));
    }

    /**
     * The stored value, or undefined when there is none; data that this
     * session's key cannot decrypt (a previous session's, another user's)
     * is wiped: it is unreadable anyway.
     */
    async read(key) {
        const stored = await this.indexedDB.read(TABLE, key);
        if (!stored) {
            return undefined;
        }
        try {
            return await this._decrypt(stored);
        } catch {
            await this.clear();
            return undefined;
        }
    }

    async write(key, value) {
        await this.indexedDB.write(TABLE, key, await this._encrypt(value));
    }

    async clear() {
        await this.indexedDB.invalidate(TABLE);
    }
}
