"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invalid = exports.notFound = exports.DomainError = void 0;
const shared_1 = require("@pingjia/shared");
// Services throw this; the one exception filter turns it into `{ code, message, fields? }`.
class DomainError extends Error {
    code;
    fields;
    headers;
    constructor(code, message, fields, headers) {
        super(message ?? shared_1.ERRORS[code].message);
        this.code = code;
        this.fields = fields;
        this.headers = headers;
    }
    get status() {
        return shared_1.ERRORS[this.code].status;
    }
}
exports.DomainError = DomainError;
const notFound = () => new DomainError('NOT_FOUND');
exports.notFound = notFound;
const invalid = (fields, message) => new DomainError('VALIDATION_FAILED', message, fields);
exports.invalid = invalid;
//# sourceMappingURL=domain-error.js.map