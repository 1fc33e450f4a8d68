export namespace agreement {
	
	export class Agreement {
	    id: number;
	    region: string;
	    year: number;
	    meetingId?: number;
	    snapshotId?: number;
	    agreedBy: string;
	    agreedAt: string;
	    reopenedBy: string;
	    reopenedAt: string;
	    reopenReason: string;
	
	    static createFrom(source: any = {}) {
	        return new Agreement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.region = source["region"];
	        this.year = source["year"];
	        this.meetingId = source["meetingId"];
	        this.snapshotId = source["snapshotId"];
	        this.agreedBy = source["agreedBy"];
	        this.agreedAt = source["agreedAt"];
	        this.reopenedBy = source["reopenedBy"];
	        this.reopenedAt = source["reopenedAt"];
	        this.reopenReason = source["reopenReason"];
	    }
	}

}

export namespace app {
	
	export enum MeetingSheet {
	    BERITA_ACARA = "berita-acara",
	    HADIR = "hadir",
	}
	export enum Phase {
	    CHOOSE = "choose",
	    PROFILE = "profile",
	    READY = "ready",
	}
	export class AboutInfo {
	    version: string;
	    schemaVersion: number;
	    regionSource: string;
	    attribution: string;
	    dataDir: string;
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.schemaVersion = source["schemaVersion"];
	        this.regionSource = source["regionSource"];
	        this.attribution = source["attribution"];
	        this.dataDir = source["dataDir"];
	    }
	}
	export class Conflict {
	    who: string;
	    when: string;
	    at: string;
	    version: number;
	    theirs: any;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.who = source["who"];
	        this.when = source["when"];
	        this.at = source["at"];
	        this.version = source["version"];
	        this.theirs = source["theirs"];
	    }
	}
	export class CellConflict {
	    index: number;
	    conflict: Conflict;
	
	    static createFrom(source: any = {}) {
	        return new CellConflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.conflict = this.convertValues(source["conflict"], Conflict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CellError {
	    index: number;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new CellError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class ApplyResult {
	    saved: number;
	    errors: CellError[];
	    conflicts: CellConflict[];
	
	    static createFrom(source: any = {}) {
	        return new ApplyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.errors = this.convertValues(source["errors"], CellError);
	        this.conflicts = this.convertValues(source["conflicts"], CellConflict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SharedState {
	    last?: connect.Target;
	    label: string;
	    needPassword: boolean;
	    passwordKept: boolean;
	    keyring: boolean;
	    keyringWhy: string;
	
	    static createFrom(source: any = {}) {
	        return new SharedState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.last = this.convertValues(source["last"], connect.Target);
	        this.label = source["label"];
	        this.needPassword = source["needPassword"];
	        this.passwordKept = source["passwordKept"];
	        this.keyring = source["keyring"];
	        this.keyringWhy = source["keyringWhy"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WorkspaceState {
	    phase: Phase;
	    info?: workspace.Info;
	    profile?: profile.Profile;
	    error: string;
	    officeExists: boolean;
	    demoExists: boolean;
	    damaged: boolean;
	    recovery?: store.Backup;
	    browser: boolean;
	    notices: string[];
	    shared: SharedState;
	
	    static createFrom(source: any = {}) {
	        return new WorkspaceState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.phase = source["phase"];
	        this.info = this.convertValues(source["info"], workspace.Info);
	        this.profile = this.convertValues(source["profile"], profile.Profile);
	        this.error = source["error"];
	        this.officeExists = source["officeExists"];
	        this.demoExists = source["demoExists"];
	        this.damaged = source["damaged"];
	        this.recovery = this.convertValues(source["recovery"], store.Backup);
	        this.browser = source["browser"];
	        this.notices = source["notices"];
	        this.shared = this.convertValues(source["shared"], SharedState);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Boot {
	    state: WorkspaceState;
	    language: string;
	    provinces: region.Region[];
	    regencies: region.Region[];
	    startMarks: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Boot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = this.convertValues(source["state"], WorkspaceState);
	        this.language = source["language"];
	        this.provinces = this.convertValues(source["provinces"], region.Region);
	        this.regencies = this.convertValues(source["regencies"], region.Region);
	        this.startMarks = source["startMarks"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class ExportResult {
	    path: string;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.cancelled = source["cancelled"];
	    }
	}
	export class ImportProblem {
	    sheet: string;
	    cell: string;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class ImportPreview {
	    token: string;
	    preview: exchange.Preview;
	    problems: ImportProblem[];
	    notices: ImportProblem[];
	    refused: string;
	    undo: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	        this.preview = this.convertValues(source["preview"], exchange.Preview);
	        this.problems = this.convertValues(source["problems"], ImportProblem);
	        this.notices = this.convertValues(source["notices"], ImportProblem);
	        this.refused = source["refused"];
	        this.undo = source["undo"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ImportSaved {
	    written: number;
	    kept: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportSaved(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.written = source["written"];
	        this.kept = source["kept"];
	    }
	}
	export class LineProblem {
	    line: number;
	    code: string;
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new LineProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.code = source["code"];
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	export class ParticipantsPreview {
	    participants: rakor.Participant[];
	    errors: LineProblem[];
	
	    static createFrom(source: any = {}) {
	        return new ParticipantsPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.participants = this.convertValues(source["participants"], rakor.Participant);
	        this.errors = this.convertValues(source["errors"], LineProblem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RegionQuery {
	    text: string;
	    province: string;
	    level: string;
	
	    static createFrom(source: any = {}) {
	        return new RegionQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.province = source["province"];
	        this.level = source["level"];
	    }
	}
	export class RoomLink {
	    url: string;
	    interface: string;
	    qr: string;
	
	    static createFrom(source: any = {}) {
	        return new RoomLink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.interface = source["interface"];
	        this.qr = source["qr"];
	    }
	}
	export class RoomState {
	    open: boolean;
	    meetingId: number;
	    code: string;
	    links: RoomLink[];
	    downloads: boolean;
	    followers: number;
	    signed: number;
	    dayNo: number;
	    days: number;
	    until: string;
	    firewall: string;
	    closed: string;
	
	    static createFrom(source: any = {}) {
	        return new RoomState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.meetingId = source["meetingId"];
	        this.code = source["code"];
	        this.links = this.convertValues(source["links"], RoomLink);
	        this.downloads = source["downloads"];
	        this.followers = source["followers"];
	        this.signed = source["signed"];
	        this.dayNo = source["dayNo"];
	        this.days = source["days"];
	        this.until = source["until"];
	        this.firewall = source["firewall"];
	        this.closed = source["closed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SharedRequest {
	    url: string;
	    password: string;
	    remember: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SharedRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.password = source["password"];
	        this.remember = source["remember"];
	    }
	}
	
	export class TemplateResult {
	    paths: string[];
	
	    static createFrom(source: any = {}) {
	        return new TemplateResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	    }
	}

}

export namespace connect {
	
	export class Target {
	    host: string;
	    port: number;
	    database: string;
	    user: string;
	    tls: string;
	    caFile: string;
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.database = source["database"];
	        this.user = source["user"];
	        this.tls = source["tls"];
	        this.caFile = source["caFile"];
	    }
	}

}

export namespace exchange {
	
	export class Direct {
	    by: string;
	    at: string;
	    cells: number;
	
	    static createFrom(source: any = {}) {
	        return new Direct(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.at = source["at"];
	        this.cells = source["cells"];
	    }
	}
	export class Submission {
	    id: number;
	    region: string;
	    year: number;
	    file: string;
	    hash: string;
	    importedAt: string;
	    new: number;
	    changed: number;
	    cleared: number;
	    operator: string;
	
	    static createFrom(source: any = {}) {
	        return new Submission(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.region = source["region"];
	        this.year = source["year"];
	        this.file = source["file"];
	        this.hash = source["hash"];
	        this.importedAt = source["importedAt"];
	        this.new = source["new"];
	        this.changed = source["changed"];
	        this.cleared = source["cleared"];
	        this.operator = source["operator"];
	    }
	}
	export class BoardRow {
	    region: region.Region;
	    returned: boolean;
	    latest?: Submission;
	    imports: number;
	    direct?: Direct;
	    sentAt: string;
	    nothing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BoardRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.region = this.convertValues(source["region"], region.Region);
	        this.returned = source["returned"];
	        this.latest = this.convertValues(source["latest"], Submission);
	        this.imports = source["imports"];
	        this.direct = this.convertValues(source["direct"], Direct);
	        this.sentAt = source["sentAt"];
	        this.nothing = source["nothing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Typed {
	    by: string;
	    at: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Typed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.at = source["at"];
	        this.source = source["source"];
	    }
	}
	export class Change {
	    sheet: string;
	    cell: string;
	    code: string;
	    indicator: string;
	    field: string;
	    old: string;
	    new: string;
	    kind: string;
	    formula: boolean;
	    typed?: Typed;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.code = source["code"];
	        this.indicator = source["indicator"];
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.kind = source["kind"];
	        this.formula = source["formula"];
	        this.typed = this.convertValues(source["typed"], Typed);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Conflict {
	    sheet: string;
	    cell: string;
	    code: string;
	    indicator: string;
	    indicatorId: number;
	    field: string;
	    stored: string;
	    template: string;
	    by: string;
	    at: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.code = source["code"];
	        this.indicator = source["indicator"];
	        this.indicatorId = source["indicatorId"];
	        this.field = source["field"];
	        this.stored = source["stored"];
	        this.template = source["template"];
	        this.by = source["by"];
	        this.at = source["at"];
	        this.source = source["source"];
	    }
	}
	
	export class Problem {
	    sheet: string;
	    cell: string;
	    text: fault.Text;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.cell = source["cell"];
	        this.text = this.convertValues(source["text"], fault.Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Preview {
	    file: string;
	    hash: string;
	    region: region.Region;
	    year: number;
	    changes: Change[];
	    new: number;
	    changed: number;
	    cleared: number;
	    unchanged: number;
	    edits: target.Edit[];
	    sourceNote: string;
	    planLines: program.PlanLine[];
	    notices: Problem[];
	    conflicts: Conflict[];
	    takeTemplate: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.hash = source["hash"];
	        this.region = this.convertValues(source["region"], region.Region);
	        this.year = source["year"];
	        this.changes = this.convertValues(source["changes"], Change);
	        this.new = source["new"];
	        this.changed = source["changed"];
	        this.cleared = source["cleared"];
	        this.unchanged = source["unchanged"];
	        this.edits = this.convertValues(source["edits"], target.Edit);
	        this.sourceNote = source["sourceNote"];
	        this.planLines = this.convertValues(source["planLines"], program.PlanLine);
	        this.notices = this.convertValues(source["notices"], Problem);
	        this.conflicts = this.convertValues(source["conflicts"], Conflict);
	        this.takeTemplate = source["takeTemplate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

export namespace fault {
	
	export class Text {
	    code: string;
	    field?: string;
	    reason?: string;
	    args?: Record<string, string>;
	    codes?: Record<string, string>;
	    lists?: Record<string, Array<string>>;
	    parts?: Record<string, Array<Text>>;
	    times?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.field = source["field"];
	        this.reason = source["reason"];
	        this.args = source["args"];
	        this.codes = source["codes"];
	        this.lists = source["lists"];
	        this.parts = this.convertValues(source["parts"], Array<Text>, true);
	        this.times = source["times"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace harmonise {
	
	export enum Flag {
	    BELOW_NATIONAL = "below_national",
	    BELOW_PROVINCIAL = "below_provincial",
	    IMPLAUSIBLE = "implausible",
	    MISSING_TARGET = "missing_target",
	    NO_PROGRAM = "no_program",
	    ROLLUP_ABOVE = "rollup_above",
	    ROLLUP_INCOMPLETE = "rollup_incomplete",
	    ROLLUP_SHORT = "rollup_short",
	    TARGET_FALLING = "target_falling",
	}
	export class Cell {
	    region: string;
	    target?: number;
	    targetNum?: number;
	    targetDen?: number;
	    realisation?: number;
	    realNum?: number;
	    realDen?: number;
	    baseline?: number;
	    prevTarget?: number;
	    achievement?: number;
	    rank: number;
	    flags: string[];
	    source: string;
	    note: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Cell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.region = source["region"];
	        this.target = source["target"];
	        this.targetNum = source["targetNum"];
	        this.targetDen = source["targetDen"];
	        this.realisation = source["realisation"];
	        this.realNum = source["realNum"];
	        this.realDen = source["realDen"];
	        this.baseline = source["baseline"];
	        this.prevTarget = source["prevTarget"];
	        this.achievement = source["achievement"];
	        this.rank = source["rank"];
	        this.flags = source["flags"];
	        this.source = source["source"];
	        this.note = source["note"];
	        this.version = source["version"];
	    }
	}
	export class RollUp {
	    target?: number;
	    realisation?: number;
	    reported: number;
	    expected: number;
	    complete: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RollUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.realisation = source["realisation"];
	        this.reported = source["reported"];
	        this.expected = source["expected"];
	        this.complete = source["complete"];
	    }
	}
	export class Row {
	    indicator: indicator.Indicator;
	    year: number;
	    national: Cell;
	    province: Cell;
	    regencies: Cell[];
	    rollUp: RollUp;
	    gap?: number;
	    flags: string[];
	    rankedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.indicator = this.convertValues(source["indicator"], indicator.Indicator);
	        this.year = source["year"];
	        this.national = this.convertValues(source["national"], Cell);
	        this.province = this.convertValues(source["province"], Cell);
	        this.regencies = this.convertValues(source["regencies"], Cell);
	        this.rollUp = this.convertValues(source["rollUp"], RollUp);
	        this.gap = source["gap"];
	        this.flags = source["flags"];
	        this.rankedBy = source["rankedBy"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Matrix {
	    province: region.Region;
	    years: number[];
	    regencies: region.Region[];
	    rows: Row[];
	    counts: Record<string, number>;
	    agreed?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Matrix(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.province = this.convertValues(source["province"], region.Region);
	        this.years = source["years"];
	        this.regencies = this.convertValues(source["regencies"], region.Region);
	        this.rows = this.convertValues(source["rows"], Row);
	        this.counts = source["counts"];
	        this.agreed = source["agreed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace indicator {
	
	export class Indicator {
	    id: number;
	    code: string;
	    name: string;
	    unit: string;
	    kind: string;
	    aggregation: string;
	    polarity: string;
	    decimals: number;
	    scale: number;
	    numeratorLabel: string;
	    denominatorLabel: string;
	    category: string;
	    definition: string;
	    dataSource: string;
	    nationalRef: string;
	    sortOrder: number;
	
	    static createFrom(source: any = {}) {
	        return new Indicator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.unit = source["unit"];
	        this.kind = source["kind"];
	        this.aggregation = source["aggregation"];
	        this.polarity = source["polarity"];
	        this.decimals = source["decimals"];
	        this.scale = source["scale"];
	        this.numeratorLabel = source["numeratorLabel"];
	        this.denominatorLabel = source["denominatorLabel"];
	        this.category = source["category"];
	        this.definition = source["definition"];
	        this.dataSource = source["dataSource"];
	        this.nationalRef = source["nationalRef"];
	        this.sortOrder = source["sortOrder"];
	    }
	}

}

export namespace profile {
	
	export class Profile {
	    provinceCode: string;
	    officeName: string;
	    address: string;
	    government: string;
	    city: string;
	    phone: string;
	    email: string;
	    website: string;
	    headName: string;
	    headPosition: string;
	    headNip: string;
	    workingYear: number;
	    paperSize: string;
	    userName: string;
	    demo: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provinceCode = source["provinceCode"];
	        this.officeName = source["officeName"];
	        this.address = source["address"];
	        this.government = source["government"];
	        this.city = source["city"];
	        this.phone = source["phone"];
	        this.email = source["email"];
	        this.website = source["website"];
	        this.headName = source["headName"];
	        this.headPosition = source["headPosition"];
	        this.headNip = source["headNip"];
	        this.workingYear = source["workingYear"];
	        this.paperSize = source["paperSize"];
	        this.userName = source["userName"];
	        this.demo = source["demo"];
	    }
	}

}

export namespace program {
	
	export class CentralTarget {
	    year: number;
	    target?: number;
	    pagu?: number;
	
	    static createFrom(source: any = {}) {
	        return new CentralTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.target = source["target"];
	        this.pagu = source["pagu"];
	    }
	}
	export class CentralItem {
	    id: number;
	    code: string;
	    kind: string;
	    parentId: number;
	    name: string;
	    institution: string;
	    unit: string;
	    note: string;
	    indicatorIds: number[];
	    targets: CentralTarget[];
	
	    static createFrom(source: any = {}) {
	        return new CentralItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.kind = source["kind"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.institution = source["institution"];
	        this.unit = source["unit"];
	        this.note = source["note"];
	        this.indicatorIds = source["indicatorIds"];
	        this.targets = this.convertValues(source["targets"], CentralTarget);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CentralPlan {
	    item: CentralItem;
	    target?: number;
	    pagu?: number;
	
	    static createFrom(source: any = {}) {
	        return new CentralPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], CentralItem);
	        this.target = source["target"];
	        this.pagu = source["pagu"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class CrossCentre {
	    nationalTarget?: number;
	    items: CentralPlan[];
	    pagu: number;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CrossCentre(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.nationalTarget = source["nationalTarget"];
	        this.items = this.convertValues(source["items"], CentralPlan);
	        this.pagu = source["pagu"];
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Sum {
	    pagu: number;
	    paguNext: number;
	    lines: number;
	    noTarget: number;
	
	    static createFrom(source: any = {}) {
	        return new Sum(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pagu = source["pagu"];
	        this.paguNext = source["paguNext"];
	        this.lines = source["lines"];
	        this.noTarget = source["noTarget"];
	    }
	}
	export class PlanLine {
	    id: number;
	    subKegiatanId: number;
	    subKegiatanCode: string;
	    subKegiatanName: string;
	    level: string;
	    region: string;
	    regionName: string;
	    year: number;
	    outputIndicator: string;
	    outputUnit: string;
	    target?: number;
	    pagu: number;
	    sumberDana: string;
	    lokasi: string;
	    bidang: string;
	    catatan: string;
	    targetNext?: number;
	    paguNext?: number;
	    status: string;
	    statusReason: string;
	    centralId?: number;
	    centralCode: string;
	    flags: string[];
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new PlanLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subKegiatanId = source["subKegiatanId"];
	        this.subKegiatanCode = source["subKegiatanCode"];
	        this.subKegiatanName = source["subKegiatanName"];
	        this.level = source["level"];
	        this.region = source["region"];
	        this.regionName = source["regionName"];
	        this.year = source["year"];
	        this.outputIndicator = source["outputIndicator"];
	        this.outputUnit = source["outputUnit"];
	        this.target = source["target"];
	        this.pagu = source["pagu"];
	        this.sumberDana = source["sumberDana"];
	        this.lokasi = source["lokasi"];
	        this.bidang = source["bidang"];
	        this.catatan = source["catatan"];
	        this.targetNext = source["targetNext"];
	        this.paguNext = source["paguNext"];
	        this.status = source["status"];
	        this.statusReason = source["statusReason"];
	        this.centralId = source["centralId"];
	        this.centralCode = source["centralCode"];
	        this.flags = source["flags"];
	        this.version = source["version"];
	    }
	}
	export class CrossLevel {
	    region: region.Region;
	    indicatorTarget?: number;
	    lines: PlanLine[];
	    target?: number;
	    unit: string;
	    sum: Sum;
	    missing: boolean;
	    fromProvince: PlanLine[];
	
	    static createFrom(source: any = {}) {
	        return new CrossLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.region = this.convertValues(source["region"], region.Region);
	        this.indicatorTarget = source["indicatorTarget"];
	        this.lines = this.convertValues(source["lines"], PlanLine);
	        this.target = source["target"];
	        this.unit = source["unit"];
	        this.sum = this.convertValues(source["sum"], Sum);
	        this.missing = source["missing"];
	        this.fromProvince = this.convertValues(source["fromProvince"], PlanLine);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CrosswalkQuery {
	    indicatorId: number;
	    centralCode: string;
	    year: number;
	    province: string;
	
	    static createFrom(source: any = {}) {
	        return new CrosswalkQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.indicatorId = source["indicatorId"];
	        this.centralCode = source["centralCode"];
	        this.year = source["year"];
	        this.province = source["province"];
	    }
	}
	export class Crosswalk {
	    query: CrosswalkQuery;
	    indicator?: indicator.Indicator;
	    central?: CentralItem;
	    centre: CrossCentre;
	    province: CrossLevel;
	    regencies: CrossLevel[];
	    missing: string[];
	
	    static createFrom(source: any = {}) {
	        return new Crosswalk(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = this.convertValues(source["query"], CrosswalkQuery);
	        this.indicator = this.convertValues(source["indicator"], indicator.Indicator);
	        this.central = this.convertValues(source["central"], CentralItem);
	        this.centre = this.convertValues(source["centre"], CrossCentre);
	        this.province = this.convertValues(source["province"], CrossLevel);
	        this.regencies = this.convertValues(source["regencies"], CrossLevel);
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Filter {
	    year: number;
	    province: string;
	    region: string;
	    bidang: string;
	    status: string;
	    sumberDana: string;
	    includeEmpty: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.province = source["province"];
	        this.region = source["region"];
	        this.bidang = source["bidang"];
	        this.status = source["status"];
	        this.sumberDana = source["sumberDana"];
	        this.includeEmpty = source["includeEmpty"];
	    }
	}
	export class FundSum {
	    sumberDana: string;
	    label: string;
	    sum: Sum;
	
	    static createFrom(source: any = {}) {
	        return new FundSum(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sumberDana = source["sumberDana"];
	        this.label = source["label"];
	        this.sum = this.convertValues(source["sum"], Sum);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Item {
	    id: number;
	    code: string;
	    kind: string;
	    level: string;
	    parentId: number;
	    name: string;
	    shipped: boolean;
	    centralId?: number;
	    note: string;
	    indicatorIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.code = source["code"];
	        this.kind = source["kind"];
	        this.level = source["level"];
	        this.parentId = source["parentId"];
	        this.name = source["name"];
	        this.shipped = source["shipped"];
	        this.centralId = source["centralId"];
	        this.note = source["note"];
	        this.indicatorIds = source["indicatorIds"];
	    }
	}
	export class Node {
	    item: Item;
	    children: Node[];
	    lines: PlanLine[];
	    sum: Sum;
	
	    static createFrom(source: any = {}) {
	        return new Node(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], Item);
	        this.children = this.convertValues(source["children"], Node);
	        this.lines = this.convertValues(source["lines"], PlanLine);
	        this.sum = this.convertValues(source["sum"], Sum);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class PlanLineInput {
	    id: number;
	    subKegiatanId: number;
	    region: string;
	    year: number;
	    outputIndicator: string;
	    outputUnit: string;
	    target: string;
	    pagu: string;
	    sumberDana: string;
	    lokasi: string;
	    bidang: string;
	    catatan: string;
	    targetNext: string;
	    paguNext: string;
	    status: string;
	    statusReason: string;
	    centralId?: number;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new PlanLineInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subKegiatanId = source["subKegiatanId"];
	        this.region = source["region"];
	        this.year = source["year"];
	        this.outputIndicator = source["outputIndicator"];
	        this.outputUnit = source["outputUnit"];
	        this.target = source["target"];
	        this.pagu = source["pagu"];
	        this.sumberDana = source["sumberDana"];
	        this.lokasi = source["lokasi"];
	        this.bidang = source["bidang"];
	        this.catatan = source["catatan"];
	        this.targetNext = source["targetNext"];
	        this.paguNext = source["paguNext"];
	        this.status = source["status"];
	        this.statusReason = source["statusReason"];
	        this.centralId = source["centralId"];
	        this.version = source["version"];
	    }
	}
	export class RegionSum {
	    region: string;
	    name: string;
	    sum: Sum;
	
	    static createFrom(source: any = {}) {
	        return new RegionSum(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.region = source["region"];
	        this.name = source["name"];
	        this.sum = this.convertValues(source["sum"], Sum);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Tree {
	    filter: Filter;
	    urusan: Item;
	    programs: Node[];
	    total: Sum;
	    byRegion: RegionSum[];
	    bySumberDana: FundSum[];
	
	    static createFrom(source: any = {}) {
	        return new Tree(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.urusan = this.convertValues(source["urusan"], Item);
	        this.programs = this.convertValues(source["programs"], Node);
	        this.total = this.convertValues(source["total"], Sum);
	        this.byRegion = this.convertValues(source["byRegion"], RegionSum);
	        this.bySumberDana = this.convertValues(source["bySumberDana"], FundSum);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace rakor {
	
	export enum Attendance {
	    DIWAKILI = "diwakili",
	    HADIR = "hadir",
	    TIDAK_HADIR = "tidak_hadir",
	}
	export enum ChallengeStatus {
	    DITANGANI = "ditangani",
	    SELESAI = "selesai",
	    TERBUKA = "terbuka",
	}
	export enum Kind {
	    LAINNYA = "lainnya",
	    RAKOR = "rakor",
	    RAKORDA = "rakorda",
	    RAKORNIS = "rakornis",
	    RAKORTEK = "rakortek",
	}
	export enum Mode {
	    DARING = "daring",
	    HYBRID = "hybrid",
	    LURING = "luring",
	}
	export enum Role {
	    NARASUMBER = "narasumber",
	    NOTULIS = "notulis",
	    PESERTA = "peserta",
	    PIMPINAN = "pimpinan",
	}
	export enum Severity {
	    RENDAH = "rendah",
	    SEDANG = "sedang",
	    TINGGI = "tinggi",
	}
	export enum Status {
	    BARU = "baru",
	    BERJALAN = "berjalan",
	    DIBATALKAN = "dibatalkan",
	    SELESAI = "selesai",
	}
	export class AgendaItem {
	    id: number;
	    meetingId: number;
	    position: number;
	    title: string;
	    presenter: string;
	    day: string;
	    startTime: string;
	    endTime: string;
	    desk: string;
	    minutes: string;
	    carryOver: boolean;
	    decisionIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new AgendaItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.meetingId = source["meetingId"];
	        this.position = source["position"];
	        this.title = source["title"];
	        this.presenter = source["presenter"];
	        this.day = source["day"];
	        this.startTime = source["startTime"];
	        this.endTime = source["endTime"];
	        this.desk = source["desk"];
	        this.minutes = source["minutes"];
	        this.carryOver = source["carryOver"];
	        this.decisionIds = source["decisionIds"];
	    }
	}
	export class Category {
	    code: string;
	    name: string;
	    nameEn: string;
	    builtin: boolean;
	    sortOrder: number;
	
	    static createFrom(source: any = {}) {
	        return new Category(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.nameEn = source["nameEn"];
	        this.builtin = source["builtin"];
	        this.sortOrder = source["sortOrder"];
	    }
	}
	export class CategoryCount {
	    category: string;
	    name: string;
	    count: number;
	    open: number;
	
	    static createFrom(source: any = {}) {
	        return new CategoryCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.name = source["name"];
	        this.count = source["count"];
	        this.open = source["open"];
	    }
	}
	export class Challenge {
	    id: number;
	    category: string;
	    description: string;
	    region: string;
	    meetingId: number;
	    severity: Severity;
	    solution: string;
	    status: ChallengeStatus;
	    raisedBy: string;
	    note: string;
	    decisionIds: number[];
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Challenge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.category = source["category"];
	        this.description = source["description"];
	        this.region = source["region"];
	        this.meetingId = source["meetingId"];
	        this.severity = source["severity"];
	        this.solution = source["solution"];
	        this.status = source["status"];
	        this.raisedBy = source["raisedBy"];
	        this.note = source["note"];
	        this.decisionIds = source["decisionIds"];
	        this.version = source["version"];
	    }
	}
	export class ChallengeFilter {
	    meetingId: number;
	    category: string;
	    region: string;
	    severity: Severity;
	    status: ChallengeStatus;
	    search: string;
	
	    static createFrom(source: any = {}) {
	        return new ChallengeFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meetingId = source["meetingId"];
	        this.category = source["category"];
	        this.region = source["region"];
	        this.severity = source["severity"];
	        this.status = source["status"];
	        this.search = source["search"];
	    }
	}
	export class Decision {
	    id: number;
	    meetingId: number;
	    number: number;
	    text: string;
	    ownerRegion: string;
	    ownerUnit: string;
	    dueDate: string;
	    status: Status;
	    cancelReason: string;
	    doneDate: string;
	    notAgreed: boolean;
	    notAgreedReason: string;
	    note: string;
	    indicatorIds: number[];
	    regions: string[];
	    programs: string[];
	    challengeIds: number[];
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.meetingId = source["meetingId"];
	        this.number = source["number"];
	        this.text = source["text"];
	        this.ownerRegion = source["ownerRegion"];
	        this.ownerUnit = source["ownerUnit"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.cancelReason = source["cancelReason"];
	        this.doneDate = source["doneDate"];
	        this.notAgreed = source["notAgreed"];
	        this.notAgreedReason = source["notAgreedReason"];
	        this.note = source["note"];
	        this.indicatorIds = source["indicatorIds"];
	        this.regions = source["regions"];
	        this.programs = source["programs"];
	        this.challengeIds = source["challengeIds"];
	        this.version = source["version"];
	    }
	}
	export class Entry {
	    decision: Decision;
	    meetingTitle: string;
	    meetingKind: Kind;
	    meetingDate: string;
	    overdue: boolean;
	    daysOverdue: number;
	    followUps: number;
	    lastFollowUp: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.meetingTitle = source["meetingTitle"];
	        this.meetingKind = source["meetingKind"];
	        this.meetingDate = source["meetingDate"];
	        this.overdue = source["overdue"];
	        this.daysOverdue = source["daysOverdue"];
	        this.followUps = source["followUps"];
	        this.lastFollowUp = source["lastFollowUp"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FollowUp {
	    id: number;
	    decisionId: number;
	    date: string;
	    progress: string;
	    evidence: string;
	    reviewedIn: number;
	    status: Status;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.date = source["date"];
	        this.progress = source["progress"];
	        this.evidence = source["evidence"];
	        this.reviewedIn = source["reviewedIn"];
	        this.status = source["status"];
	    }
	}
	export class InstitutionCount {
	    institution: string;
	    total: number;
	    present: number;
	
	    static createFrom(source: any = {}) {
	        return new InstitutionCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.institution = source["institution"];
	        this.total = source["total"];
	        this.present = source["present"];
	    }
	}
	export class Kop {
	    government: string;
	    office: string;
	    contact: string;
	    signPlace: string;
	
	    static createFrom(source: any = {}) {
	        return new Kop(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.government = source["government"];
	        this.office = source["office"];
	        this.contact = source["contact"];
	        this.signPlace = source["signPlace"];
	    }
	}
	export class Meeting {
	    id: number;
	    kind: Kind;
	    title: string;
	    theme: string;
	    startDate: string;
	    endDate: string;
	    venue: string;
	    mode: Mode;
	    planningYear: number;
	    organiser: string;
	    provinceCode: string;
	    desks: string[];
	    headcount: number;
	    note: string;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Meeting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.theme = source["theme"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.venue = source["venue"];
	        this.mode = source["mode"];
	        this.planningYear = source["planningYear"];
	        this.organiser = source["organiser"];
	        this.provinceCode = source["provinceCode"];
	        this.desks = source["desks"];
	        this.headcount = source["headcount"];
	        this.note = source["note"];
	        this.version = source["version"];
	    }
	}
	export class MeetingCount {
	    meetingId: number;
	    title: string;
	    startDate: string;
	    count: number;
	    byCategory: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new MeetingCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meetingId = source["meetingId"];
	        this.title = source["title"];
	        this.startDate = source["startDate"];
	        this.count = source["count"];
	        this.byCategory = source["byCategory"];
	    }
	}
	export class RecordItem {
	    no: number;
	    decision: Decision;
	    owner: string;
	
	    static createFrom(source: any = {}) {
	        return new RecordItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.owner = source["owner"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Participant {
	    id: number;
	    meetingId: number;
	    name: string;
	    nip: string;
	    position: string;
	    institution: string;
	    region: string;
	    role: Role;
	    attendance: Attendance;
	    note: string;
	    sortOrder: number;
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Participant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.meetingId = source["meetingId"];
	        this.name = source["name"];
	        this.nip = source["nip"];
	        this.position = source["position"];
	        this.institution = source["institution"];
	        this.region = source["region"];
	        this.role = source["role"];
	        this.attendance = source["attendance"];
	        this.note = source["note"];
	        this.sortOrder = source["sortOrder"];
	        this.version = source["version"];
	    }
	}
	export class MeetingRecord {
	    meeting: Meeting;
	    kindName: string;
	    heading: string;
	    modeName: string;
	    place: string;
	    signDate: string;
	    present: number;
	    opening: string;
	    closing: string;
	    participants: Participant[];
	    chairs: Participant[];
	    notulis: string;
	    agenda: AgendaItem[];
	    agreed: RecordItem[];
	    notAgreed: RecordItem[];
	    kop: Kop;
	
	    static createFrom(source: any = {}) {
	        return new MeetingRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meeting = this.convertValues(source["meeting"], Meeting);
	        this.kindName = source["kindName"];
	        this.heading = source["heading"];
	        this.modeName = source["modeName"];
	        this.place = source["place"];
	        this.signDate = source["signDate"];
	        this.present = source["present"];
	        this.opening = source["opening"];
	        this.closing = source["closing"];
	        this.participants = this.convertValues(source["participants"], Participant);
	        this.chairs = this.convertValues(source["chairs"], Participant);
	        this.notulis = source["notulis"];
	        this.agenda = this.convertValues(source["agenda"], AgendaItem);
	        this.agreed = this.convertValues(source["agreed"], RecordItem);
	        this.notAgreed = this.convertValues(source["notAgreed"], RecordItem);
	        this.kop = this.convertValues(source["kop"], Kop);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MeetingSummary {
	    meeting: Meeting;
	    participants: number;
	    present: number;
	    agendaItems: number;
	    decisions: number;
	    openDecisions: number;
	    challenges: number;
	    snapshots: number;
	
	    static createFrom(source: any = {}) {
	        return new MeetingSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meeting = this.convertValues(source["meeting"], Meeting);
	        this.participants = source["participants"];
	        this.present = source["present"];
	        this.agendaItems = source["agendaItems"];
	        this.decisions = source["decisions"];
	        this.openDecisions = source["openDecisions"];
	        this.challenges = source["challenges"];
	        this.snapshots = source["snapshots"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RegionCount {
	    region: string;
	    name: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new RegionCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.region = source["region"];
	        this.name = source["name"];
	        this.count = source["count"];
	    }
	}
	export class Overview {
	    total: number;
	    byCategory: CategoryCount[];
	    byRegion: RegionCount[];
	    byMeeting: MeetingCount[];
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.byCategory = this.convertValues(source["byCategory"], CategoryCount);
	        this.byRegion = this.convertValues(source["byRegion"], RegionCount);
	        this.byMeeting = this.convertValues(source["byMeeting"], MeetingCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class RegisterFilter {
	    meetingId: number;
	    ownerRegion: string;
	    ownerUnit: string;
	    statuses: string[];
	    dueBefore: string;
	    overdueOnly: boolean;
	    asOf: string;
	    search: string;
	
	    static createFrom(source: any = {}) {
	        return new RegisterFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meetingId = source["meetingId"];
	        this.ownerRegion = source["ownerRegion"];
	        this.ownerUnit = source["ownerUnit"];
	        this.statuses = source["statuses"];
	        this.dueBefore = source["dueBefore"];
	        this.overdueOnly = source["overdueOnly"];
	        this.asOf = source["asOf"];
	        this.search = source["search"];
	    }
	}
	export class Signed {
	    id: number;
	    participantId: number;
	    day: string;
	    signedAt: string;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new Signed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.participantId = source["participantId"];
	        this.day = source["day"];
	        this.signedAt = source["signedAt"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class SnapshotInfo {
	    id: number;
	    meetingId: number;
	    label: string;
	    province: string;
	    years: number[];
	    takenAt: string;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new SnapshotInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.meetingId = source["meetingId"];
	        this.label = source["label"];
	        this.province = source["province"];
	        this.years = source["years"];
	        this.takenAt = source["takenAt"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class Snapshot {
	    info: SnapshotInfo;
	    matrix: harmonise.Matrix;
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.info = this.convertValues(source["info"], SnapshotInfo);
	        this.matrix = this.convertValues(source["matrix"], harmonise.Matrix);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SnapshotRequest {
	    meetingId: number;
	    label: string;
	    province: string;
	    years: number[];
	
	    static createFrom(source: any = {}) {
	        return new SnapshotRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.meetingId = source["meetingId"];
	        this.label = source["label"];
	        this.province = source["province"];
	        this.years = source["years"];
	    }
	}

}

export namespace region {
	
	export class Region {
	    code: string;
	    name: string;
	    level: string;
	    provinceCode: string;
	
	    static createFrom(source: any = {}) {
	        return new Region(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.level = source["level"];
	        this.provinceCode = source["provinceCode"];
	    }
	}

}

export namespace store {
	
	export class AuditEntry {
	    id: number;
	    table: string;
	    rowKey: string;
	    action: string;
	    oldValues: string;
	    newValues: string;
	    changedAt: string;
	    userName: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.table = source["table"];
	        this.rowKey = source["rowKey"];
	        this.action = source["action"];
	        this.oldValues = source["oldValues"];
	        this.newValues = source["newValues"];
	        this.changedAt = source["changedAt"];
	        this.userName = source["userName"];
	    }
	}
	export class Backup {
	    path: string;
	    name: string;
	    reason: string;
	    taken: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new Backup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.taken = source["taken"];
	        this.size = source["size"];
	    }
	}
	export class Link {
	    encrypted: boolean;
	    verified: string;
	    mode: string;
	
	    static createFrom(source: any = {}) {
	        return new Link(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.encrypted = source["encrypted"];
	        this.verified = source["verified"];
	        this.mode = source["mode"];
	    }
	}

}

export namespace target {
	
	export enum Field {
	    BASELINE = "baseline",
	    NOTE = "note",
	    REALDEN = "realDen",
	    REALISATION = "realisation",
	    REALNUM = "realNum",
	    TARGET = "target",
	    TARGETDEN = "targetDen",
	    TARGETNUM = "targetNum",
	}
	export class Edit {
	    indicatorId: number;
	    region: string;
	    year: number;
	    field: Field;
	    text: string;
	    version?: number;
	
	    static createFrom(source: any = {}) {
	        return new Edit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.indicatorId = source["indicatorId"];
	        this.region = source["region"];
	        this.year = source["year"];
	        this.field = source["field"];
	        this.text = source["text"];
	        this.version = source["version"];
	    }
	}

}

export namespace workspace {
	
	export class Info {
	    path: string;
	    kind: string;
	    createdAt: string;
	    schemaVersion: number;
	    readOnly: boolean;
	    offlineCopyOf: string;
	    offlineCopyAt: string;
	    shared: boolean;
	    label: string;
	    link?: store.Link;
	    role: string;
	    region: string;
	    regionName: string;
	    bidang: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.createdAt = source["createdAt"];
	        this.schemaVersion = source["schemaVersion"];
	        this.readOnly = source["readOnly"];
	        this.offlineCopyOf = source["offlineCopyOf"];
	        this.offlineCopyAt = source["offlineCopyAt"];
	        this.shared = source["shared"];
	        this.label = source["label"];
	        this.link = this.convertValues(source["link"], store.Link);
	        this.role = source["role"];
	        this.region = source["region"];
	        this.regionName = source["regionName"];
	        this.bidang = source["bidang"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace xlsx {
	
	export enum Sheet {
	    BERITA_ACARA = "berita-acara",
	    HADIR = "hadir",
	    KESEPAKATAN = "kesepakatan",
	    PERMASALAHAN = "permasalahan",
	    PROGRAM = "program",
	    SINKRONISASI = "sinkronisasi",
	    TARGET = "target",
	}
	export class WorkbookRequest {
	    province: string;
	    years: number[];
	    sheets: string[];
	    meetingId: number;
	
	    static createFrom(source: any = {}) {
	        return new WorkbookRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.province = source["province"];
	        this.years = source["years"];
	        this.sheets = source["sheets"];
	        this.meetingId = source["meetingId"];
	    }
	}

}

