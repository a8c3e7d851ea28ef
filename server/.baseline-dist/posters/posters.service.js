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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostersService = exports.HOME_PAGE = void 0;
const common_1 = require("@nestjs/common");
const qrcode_1 = __importDefault(require("qrcode"));
const access_service_1 = require("../auth/access.service");
const domain_error_1 = require("../common/domain-error");
const app_config_1 = require("../config/app-config");
const wechat_client_1 = require("../wechat/wechat.client");
const wechat_errors_1 = require("../wechat/wechat.errors");
const poster_renderer_1 = require("./poster-renderer");
exports.HOME_PAGE = 'pages/home/index';
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;
let PostersService = class PostersService {
    access;
    wechat;
    config;
    logger = new common_1.Logger('Posters');
    renderer;
    constructor(access, wechat, config) {
        this.access = access;
        this.wechat = wechat;
        this.config = config;
        this.renderer = new poster_renderer_1.PosterRenderer(config.oversight.posterFont);
    }
    async poster(userId, homeId, req) {
        const home = await this.access.homeForStaff(userId, homeId);
        let code = null;
        if (this.wechat.enabled) {
            try {
                code = await this.wechat.wxaCodeUnlimited({ scene: home.sceneToken, page: exports.HOME_PAGE, envVersion: this.config.oversight.wxaEnvVersion, width: 600 });
            }
            catch (e) {
                if (!(e instanceof wechat_errors_1.WechatError))
                    throw e;
                // 41030: the page is not in the released mini-program (not published yet): the H5 page still works.
                if (e.errcode !== wechat_errors_1.WECHAT_ERR.INVALID_PAGE) {
                    throw new domain_error_1.DomainError('WECHAT_UNAVAILABLE', undefined, undefined, { 'retry-after': e.errcode === wechat_errors_1.WECHAT_ERR.API_LIMIT ? '60' : '5' });
                }
                this.logger.warn('WeChat refused the mini-program page (41030): poster falls back to the H5 link');
            }
        }
        const source = code ? 'wxacode' : 'h5';
        code ??= await qrcode_1.default.toBuffer(`${this.baseUrl(req)}/${exports.HOME_PAGE}?scene=${encodeURIComponent(home.sceneToken)}`, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 });
        const png = await this.renderer.render(code, {
            title: '会员评家',
            homeName: home.name,
            callToAction: source === 'wxacode' ? '微信扫一扫，为我们的职工之家打分' : '扫码为我们的职工之家打分',
            footer: '评价匿名 · 结果向会员公开',
        });
        return { png, source, font: this.renderer.hasFont };
    }
    /** PUBLIC_URL when set; else the address the staff member reached us at (behind a proxy: its forwarded host). */
    baseUrl(req) {
        if (this.config.oversight.publicUrlSet)
            return this.config.publicUrl;
        const host = req.host;
        const protocol = req.protocol === 'https' ? 'https' : 'http';
        return host && HOST.test(host) ? `${protocol}://${host}` : this.config.publicUrl;
    }
};
exports.PostersService = PostersService;
exports.PostersService = PostersService = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [access_service_1.AccessService,
        wechat_client_1.WechatClient, Object])
], PostersService);
//# sourceMappingURL=posters.service.js.map