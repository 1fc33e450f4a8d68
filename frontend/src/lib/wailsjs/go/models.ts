export namespace app {
	
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
	export class WorkspaceState {
	    phase: string;
	    info?: workspace.Info;
	    profile?: profile.Profile;
	    error: string;
	    officeExists: boolean;
	    demoExists: boolean;
	
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

export namespace profile {
	
	export class Profile {
	    provinceCode: string;
	    officeName: string;
	    address: string;
	    headName: string;
	    headPosition: string;
	    headNip: string;
	    workingYear: number;
	    paperSize: string;
	    userName: string;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provinceCode = source["provinceCode"];
	        this.officeName = source["officeName"];
	        this.address = source["address"];
	        this.headName = source["headName"];
	        this.headPosition = source["headPosition"];
	        this.headNip = source["headNip"];
	        this.workingYear = source["workingYear"];
	        this.paperSize = source["paperSize"];
	        this.userName = source["userName"];
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

}

export namespace workspace {
	
	export class Info {
	    path: string;
	    kind: string;
	    createdAt: string;
	    schemaVersion: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.createdAt = source["createdAt"];
	        this.schemaVersion = source["schemaVersion"];
	    }
	}

}

