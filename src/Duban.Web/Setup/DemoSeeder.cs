using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Setup;

/// <summary>
/// A made-up county laid out as real ones are: leadership, the supervision office, departments,
/// a development zone, towns and streets, task forces; leaders and a liaison for every unit.
/// </summary>
public static class DemoSeeder
{
    public const string RegionCode = "990101";
    public const string RegionName = "青山县";
    public const string Password = "Duban@2026";

    public static readonly IReadOnlyList<(string UserName, string Role, string Description)> Accounts =
    [
        ("admin", Roles.SystemAdmin, "系统管理员 System administrator"),
        ("duchashi", Roles.SupervisionOffice, "县委督查室 Supervision office"),
        ("leader", Roles.Leader, "常务副县长 Executive deputy county head"),
        ("fgj", Roles.Liaison, "县发改局联络员 Liaison, development and reform bureau"),
        ("chengguan", Roles.Liaison, "城关镇联络员 Liaison, Chengguan town"),
        ("viewer", Roles.Viewer, "县财政局查看 Viewer, finance bureau"),
        ("auditor", Roles.Auditor, "审计员 Auditor (reads the audit trail only)"),
    ];

    private static readonly (string Name, string? Short, UnitKind Kind, string? Parent)[] UnitTree =
    [
        ("县委督查室", "督查室", UnitKind.SupervisionOffice, null),
        ("县政府办公室", "县府办", UnitKind.Department, null),
        ("县发展和改革局", "县发改局", UnitKind.Department, null),
        ("县财政局", null, UnitKind.Department, null),
        ("县工业和信息化局", "县工信局", UnitKind.Department, null),
        ("县自然资源和规划局", "县自然资源局", UnitKind.Department, null),
        ("县住房和城乡建设局", "县住建局", UnitKind.Department, null),
        ("县交通运输局", null, UnitKind.Department, null),
        ("县农业农村局", null, UnitKind.Department, null),
        ("县水利局", null, UnitKind.Department, null),
        ("县商务局", null, UnitKind.Department, null),
        ("县教育局", null, UnitKind.Department, null),
        ("县卫生健康局", "县卫健局", UnitKind.Department, null),
        ("县人力资源和社会保障局", "县人社局", UnitKind.Department, null),
        ("市生态环境局青山分局", "生态环境分局", UnitKind.Department, null),
        ("县应急管理局", null, UnitKind.Department, null),
        ("县市场监督管理局", "县市场监管局", UnitKind.Department, null),
        ("县文化和旅游局", "县文旅局", UnitKind.Department, null),
        ("县行政审批服务局", "县审批局", UnitKind.Department, null),
        ("青山经济开发区管委会", "开发区", UnitKind.DevelopmentZone, null),
        ("开发区招商服务局", null, UnitKind.Department, "青山经济开发区管委会"),
        ("开发区建设管理局", null, UnitKind.Department, "青山经济开发区管委会"),
        ("城关镇", null, UnitKind.TownOrStreet, null),
        ("河口镇", null, UnitKind.TownOrStreet, null),
        ("青石镇", null, UnitKind.TownOrStreet, null),
        ("白沙乡", null, UnitKind.TownOrStreet, null),
        ("东山街道", null, UnitKind.TownOrStreet, null),
        ("西城街道", null, UnitKind.TownOrStreet, null),
        ("招商引资工作专班", "招商专班", UnitKind.TaskForce, null),
        ("重大项目攻坚专班", "项目专班", UnitKind.TaskForce, null),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["建国", "明华", "卫东", "晓燕", "志强", "海涛", "丽娟", "文斌", "春梅", "国庆", "红霞", "永刚", "秀英", "德明", "雪梅", "俊杰", "玉兰", "振华", "静", "磊", "敏", "伟", "芳", "勇", "洁", "涛", "霞", "军", "燕", "鹏"];

    public static async Task<bool> SeedAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<DubanDb>();
        if (await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == RegionCode))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var region = new Region { Name = RegionName, Code = RegionCode };
        db.Regions.Add(region);
        await db.SaveChangesAsync();

        var root = await AddUnitAsync(db, region.Id, null, UnitPath.Root, "中共青山县委 青山县人民政府", "县委县政府", UnitKind.Leadership, 0);
        var byName = new Dictionary<string, Unit>(StringComparer.Ordinal) { [root.Name] = root };
        var order = 1;
        foreach (var (name, shortName, kind, parentName) in UnitTree)
        {
            var parent = parentName is null ? root : byName[parentName];
            byName[name] = await AddUnitAsync(db, region.Id, parent.Id, parent.Path, name, shortName, kind, order++);
        }

        // Leaders sit in the leadership unit; every other unit has a head and a liaison.
        var people = new List<Person>
        {
            Leader(region.Id, root.Id, "王建国", "县委副书记、县长"),
            Leader(region.Id, root.Id, "李明华", "县委常委、常务副县长"),
            Leader(region.Id, root.Id, "张卫东", "副县长（分管工业、招商）"),
            Leader(region.Id, root.Id, "陈晓燕", "副县长（分管农业农村、水利）"),
            Leader(region.Id, root.Id, "刘志强", "县委常委、县委办主任"),
        };
        var n = 0;
        foreach (var unit in byName.Values.Where(u => u.Id != root.Id))
        {
            var headTitle = unit.Kind switch
            {
                UnitKind.TownOrStreet => unit.Name.EndsWith("街道", StringComparison.Ordinal) ? "街道党工委书记" : "党委书记",
                UnitKind.TaskForce => "专班负责人",
                UnitKind.DevelopmentZone => "管委会主任",
                UnitKind.SupervisionOffice => "督查室主任",
                _ => "局长",
            };
            people.Add(new Person { RegionId = region.Id, UnitId = unit.Id, Name = NameAt(n++), Title = headTitle, Phone = Phone(n) });
            people.Add(new Person { RegionId = region.Id, UnitId = unit.Id, Name = NameAt(n++), Title = "联络员", Phone = Phone(n) });
        }

        db.People.AddRange(people);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<Account>>();
        Person LiaisonOf(string unitName) => people.First(p => p.UnitId == byName[unitName].Id && p.Title == "联络员");
        var officeStaff = people.First(p => p.UnitId == byName["县委督查室"].Id && p.Title == "联络员");
        var leader = people.First(p => p.Name == "李明华");
        var viewer = LiaisonOf("县财政局");
        var plan = new (string User, string Role, Unit? Unit, Person? Person)[]
        {
            ("admin", Roles.SystemAdmin, root, null),
            ("duchashi", Roles.SupervisionOffice, byName["县委督查室"], officeStaff),
            ("leader", Roles.Leader, root, leader),
            ("fgj", Roles.Liaison, byName["县发展和改革局"], LiaisonOf("县发展和改革局")),
            ("chengguan", Roles.Liaison, byName["城关镇"], LiaisonOf("城关镇")),
            ("viewer", Roles.Viewer, byName["县财政局"], viewer),

            // No unit: the auditor reads the audit trail and no unit's work.
            ("auditor", Roles.Auditor, null, null),
        };
        foreach (var (user, role, unit, person) in plan)
        {
            var account = new Account
            {
                UserName = user,
                DisplayName = person?.Name ?? (role == Roles.Auditor ? "审计员" : "系统管理员"),
                RegionId = region.Id,
                UnitId = unit?.Id,
                PersonId = person?.Id,
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(account, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(account, role);
        }

        await DemoWork.SeedAsync(services, region.Id, byName, people);
        await DemoProjects.SeedAsync(services, region.Id, byName, people);
        await DemoIndicators.SeedAsync(services, region.Id, byName, people);
        await DemoLeads.SeedAsync(services, region.Id, byName, people);
        await DemoFirms.SeedAsync(services, region.Id, byName, people);
        await transaction.CommitAsync();
        return true;
    }

    private static async Task<Unit> AddUnitAsync(DubanDb db, int regionId, int? parentId, string parentPath, string name, string? shortName, UnitKind kind, int order)
    {
        var unit = new Unit { RegionId = regionId, ParentId = parentId, Name = name, ShortName = shortName, Kind = kind, SortOrder = order };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = UnitPath.Child(parentPath, unit.Id);
        await db.SaveChangesAsync();
        return unit;
    }

    private static Person Leader(int regionId, int unitId, string name, string title) =>
        new() { RegionId = regionId, UnitId = unitId, Name = name, Title = title, IsLeader = true };

    private static string NameAt(int i) => Surnames[(i * 7) % Surnames.Length] + GivenNames[(i * 11) % GivenNames.Length];

    private static string Phone(int i) => $"1390571{(1000 + (i * 37 % 9000)).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
