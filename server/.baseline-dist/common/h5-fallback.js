"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.H5Fallback = void 0;
const common_1 = require("@nestjs/common");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const app_config_1 = require("../config/app-config");
// The H5 app routes in browser mode: /pages/home/index?scene=… must answer with its index.html.
let H5Fallback = class H5Fallback {
    html;
    constructor(config) {
        const file = config.h5Dir ? (0, node_path_1.join)(config.h5Dir, 'index.html') : null;
        this.html = file && (0, node_fs_1.existsSync)(file) ? (0, node_fs_1.readFileSync)(file, 'utf8') : null;
    }
    get available() {
        return this.html !== null;
    }
    handles(request) {
        return this.html !== null && request.method === 'GET' && !request.url.startsWith('/api');
    }
    send(reply) {
        reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.html);
    }
};
exports.H5Fallback = H5Fallback;
exports.H5Fallback = H5Fallback = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object])
], H5Fallback);
//# sourceMappingURL=h5-fallback.js.map