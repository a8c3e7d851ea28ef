"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uuidParam = void 0;
const common_1 = require("@nestjs/common");
const domain_error_1 = require("./domain-error");
// A malformed id names nothing: 404, like an id the caller may not see.
exports.uuidParam = new common_1.ParseUUIDPipe({ exceptionFactory: () => (0, domain_error_1.notFound)() });
//# sourceMappingURL=params.js.map