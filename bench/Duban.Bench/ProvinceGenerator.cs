using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// A province-sized region: provincial departments, 14 cities, their counties, and each county's
/// departments and towns — about 2,000 units and 10 people per unit.
/// </summary>
public static class ProvinceGenerator
{
    public const string Password = "Bench2026x";

    public static async Task<(int Units, int People)> GenerateAsync(IServiceProvider services, int targetUnits = 2000)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        if (await db.Regions.IgnoreQueryFilters().AnyAsync(r => r.Code == "990000"))
        {
            return (await db.Units.IgnoreQueryFilters().CountAsync(), await db.People.IgnoreQueryFilters().CountAsync());
        }

        var region = new Region { Name = "江南省", Code = "990000" };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Ids are assigned here so paths can be written in one pass; the region is new, so they are free.
        var nextId = (await db.Units.IgnoreQueryFilters().MaxAsync(u => (int?)u.Id) ?? 0) + 1;
        var units = new List<Unit>();
        Unit Add(Unit? parent, string name, UnitKind kind)
        {
            var unit = new Unit
            {
                Id = nextId++,
                RegionId = region.Id,
                ParentId = parent?.Id,
                Name = name,
                Kind = kind,
                SortOrder = units.Count,
            };
            unit.Path = UnitPath.Child(parent?.Path ?? UnitPath.Root, unit.Id);
            units.Add(unit);
            return unit;
        }

        var root = Add(null, "江南省委省政府", UnitKind.Leadership);
        Add(root, "省委督查室", UnitKind.SupervisionOffice);
        for (var d = 1; d <= 40; d++)
        {
            Add(root, $"省直部门{d:00}", UnitKind.Department);
        }

        var city = 0;
        while (units.Count < targetUnits)
        {
            city++;
            var c = Add(root, $"第{city}市", UnitKind.Leadership);
            for (var k = 1; k <= 8 && units.Count < targetUnits; k++)
            {
                var county = Add(c, $"第{city}市第{k}县", UnitKind.Leadership);
                for (var d = 1; d <= 10 && units.Count < targetUnits; d++)
                {
                    Add(county, $"第{city}市第{k}县部门{d:00}", UnitKind.Department);
                }

                for (var t = 1; t <= 6 && units.Count < targetUnits; t++)
                {
                    Add(county, $"第{city}市第{k}县乡镇{t:00}", UnitKind.TownOrStreet);
                }
            }
        }

        var people = units.SelectMany(u => Enumerable.Range(1, 10).Select(i => new Person
        {
            RegionId = region.Id,
            UnitId = u.Id,
            Name = $"人员{u.Id}-{i}",
            Title = i == 1 ? "负责人" : "联络员",
            Phone = "139" + (u.Id * 10 + i).ToString("D8", CultureInfo.InvariantCulture),
            IsLeader = i == 1 && u.Kind == UnitKind.Leadership,
        })).ToList();

        // Inserted through the context like any change, so the audit trail grows as it would in use.
        foreach (var chunk in units.Chunk(500))
        {
            db.Units.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        foreach (var chunk in people.Chunk(2000))
        {
            db.People.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"Units\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Units\"))");
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var town = units.First(u => u.Kind == UnitKind.TownOrStreet);
        var cityUnit = units.First(u => u.Name == "第1市");
        foreach (var (name, role, unit) in new[] { ("bench-office", Roles.SupervisionOffice, root), ("bench-city", Roles.Leader, cityUnit), ("bench-town", Roles.Liaison, town) })
        {
            var account = new Account { UserName = name, DisplayName = name, RegionId = region.Id, UnitId = unit.Id, CreatedAt = DateTime.UtcNow };
            await users.CreateAsync(account, Password);
            await users.AddToRoleAsync(account, role);
        }

        return (units.Count, people.Count);
    }
}
