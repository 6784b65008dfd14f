using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Units;

public sealed record UnitInput
{
    public string? Name { get; init; }
    public string? ShortName { get; init; }
    public UnitKind? Kind { get; init; }
    public int? ParentId { get; init; }
    public int SortOrder { get; init; }
    public bool IsActive { get; init; } = true;
}

/// <summary>Creates or changes a unit; moving it carries its whole subtree along. Used by the page and the API.</summary>
public sealed class SaveUnit(DubanDb db, ScopeAccessor scopes, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Unit>> RunAsync(int? id, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageOrganisation);
        Unit? unit = null;
        if (id is not null)
        {
            unit = await db.Units.VisibleTo(scope).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return Outcome<Unit>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(UnitInput.Name), l["Validation.Required"]);
        }
        else if (name.Length > 100)
        {
            errors.Add(nameof(UnitInput.Name), l["Validation.MaxLength", 100]);
        }

        var shortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        if (shortName?.Length > 50)
        {
            errors.Add(nameof(UnitInput.ShortName), l["Validation.MaxLength", 50]);
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add(nameof(UnitInput.Kind), l["Validation.Required"]);
        }

        Unit? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Units.VisibleTo(scope).FirstOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null)
            {
                errors.Add(nameof(UnitInput.ParentId), l["Units.ParentNotFound"]);
            }
            else if (unit is not null && !UnitPath.CanMoveUnder(unit.Path, parent.Path))
            {
                errors.Add(nameof(UnitInput.ParentId), l["Units.CannotMoveUnderItself"]);
            }
        }
        else if (unit is null || unit.ParentId is not null)
        {
            // Only the region's root has no parent; every new unit hangs under one.
            errors.Add(nameof(UnitInput.ParentId), l["Validation.Required"]);
        }

        if (name is not null && !errors.Any)
        {
            var siblingOf = parent?.Id;
            var duplicate = await db.Units.AnyAsync(
                u => u.RegionId == scope.RegionId && u.ParentId == siblingOf && u.Name == name && (unit == null || u.Id != unit.Id), ct);
            if (duplicate)
            {
                errors.Add(nameof(UnitInput.Name), l["Units.DuplicateName", name]);
            }
        }

        if (errors.Any)
        {
            return Outcome<Unit>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (unit is null)
        {
            unit = new Unit { RegionId = scope.RegionId, Name = name!, Path = UnitPath.Root };
            db.Units.Add(unit);
        }

        var oldPath = unit.Path;
        unit.Name = name!;
        unit.ShortName = shortName;
        unit.Kind = input.Kind!.Value;
        unit.ParentId = parent?.Id ?? unit.ParentId;
        unit.SortOrder = input.SortOrder;
        unit.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);

        var newPath = UnitPath.Child(parent?.Path ?? ParentPathOf(oldPath), unit.Id);
        if (newPath != unit.Path)
        {
            unit.Path = newPath;
            await db.SaveChangesAsync(ct);
            if (oldPath != UnitPath.Root)
            {
                // The subtree moves with its unit: one set-based statement, not a loop.
                var length = oldPath.Length;
                await db.Units
                    .Where(u => u.RegionId == scope.RegionId && u.Id != unit.Id && u.Path.StartsWith(oldPath))
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.Path, u => newPath + u.Path.Substring(length)), ct);

                // The work they lead or support keeps the copies of their paths the scope filter reads.
                await db.WorkItems
                    .Where(w => w.RegionId == scope.RegionId && w.LeadUnitPath.StartsWith(oldPath))
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.LeadUnitPath, w => newPath + w.LeadUnitPath.Substring(length)), ct);
                await db.WorkItemUnits
                    .Where(w => w.RegionId == scope.RegionId && w.UnitPath.StartsWith(oldPath))
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.UnitPath, w => newPath + w.UnitPath.Substring(length)), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return Outcome<Unit>.Ok(unit);
    }

    private static string ParentPathOf(string path)
    {
        if (path == UnitPath.Root)
        {
            return UnitPath.Root;
        }

        var trimmed = path[..^1];
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }
}
