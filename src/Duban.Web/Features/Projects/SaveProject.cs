using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

/// <summary>A project as the office enters it: the work item's fields (1+1+1) and the project's own.</summary>
public sealed record ProjectInput
{
    public int? LedgerId { get; init; }
    public string? Number { get; init; }
    public string? Name { get; init; }
    public int? LeadUnitId { get; init; }
    public int? LeaderId { get; init; }

    /// <summary>The project steward (项目管家): the work item's liaison, who reports and records investment.</summary>
    public int? StewardId { get; init; }

    public ProjectPool Pool { get; init; } = ProjectPool.Implementation;
    public ProjectNature Nature { get; init; }
    public ProjectCategory Category { get; init; }
    public ProjectLevel Level { get; init; } = ProjectLevel.County;
    public string? IndustryChain { get; init; }
    public string? OwnerCompany { get; init; }
    public int? TownUnitId { get; init; }
    public double? Longitude { get; init; }
    public double? Latitude { get; init; }
    public string? Scale { get; init; }
    public int? StartYear { get; init; }
    public int? EndYear { get; init; }
    public decimal? TotalInvestment { get; init; }
    public DateOnly? SignedPlanned { get; init; }
    public DateOnly? StartPlanned { get; init; }
    public DateOnly? ProducingPlanned { get; init; }
    public DateOnly? AtCapacityPlanned { get; init; }

    /// <summary>When it must be finished (竣工); empty while open-ended.</summary>
    public DateOnly? Deadline { get; init; }

    public IReadOnlyList<MilestoneInput>? Milestones { get; init; }
}

/// <summary>
/// The office adds or changes a key project. The work item (responsibility, milestones, light, reports,
/// close-out) is saved by <see cref="SaveTask"/> with the project's shape; the project row rides in the
/// same transaction.
/// </summary>
public sealed class SaveProject(DubanDb db, SaveTask save, WorkContext work, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<WorkItem>> RunAsync(int? id, ProjectInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.EditWork);
        var project = id is null ? null : await db.Projects.FirstOrDefaultAsync(p => p.WorkItemId == id && p.RegionId == scope.RegionId, ct);
        if (id is not null && project is null)
        {
            return Outcome<WorkItem>.NotFound();
        }

        var start = input.StartPlanned ?? (input.StartYear is { } y and >= 2000 and <= 2100 ? new DateOnly(y, 1, 1) : work.Today);
        var task = new TaskInput
        {
            LedgerId = input.LedgerId,
            Number = input.Number,
            Name = input.Name,
            Content = input.Scale,
            LeadUnitId = input.LeadUnitId,
            LeaderId = input.LeaderId,
            LiaisonId = input.StewardId,
            StartDate = start,
            Deadline = input.Deadline,
            Cadence = ReportingCadence.DefaultFor(WorkItemKind.KeyProject).Kind,
            CadenceDay = ReportingCadence.DefaultFor(WorkItemKind.KeyProject).Day,
            CadenceHour = ReportingCadence.DefaultFor(WorkItemKind.KeyProject).Hour,
            Milestones = input.Milestones,
        };

        var shape = new WorkItemShape(WorkItemKind.KeyProject, errors => ValidateAsync(input, scope.RegionId, errors, ct), async (item, isNew) =>
        {
            project ??= new Project { RegionId = scope.RegionId, WorkItemId = item.Id };
            if (project.Id == 0)
            {
                db.Projects.Add(project);
            }

            project.Pool = project.Pool == ProjectPool.Withdrawn ? ProjectPool.Withdrawn : input.Pool;
            project.Nature = input.Nature;
            project.Category = input.Category;
            project.Level = input.Level;
            project.IndustryChain = Trim(input.IndustryChain);
            project.OwnerCompany = Trim(input.OwnerCompany);
            project.TownUnitId = input.TownUnitId;
            project.Longitude = input.Longitude;
            project.Latitude = input.Latitude;
            project.Scale = Trim(input.Scale);
            project.StartYear = input.StartYear;
            project.EndYear = input.EndYear;
            project.TotalInvestment = input.TotalInvestment ?? 0;
            project.SignedPlanned = input.SignedPlanned;
            project.StartPlanned = input.StartPlanned;
            project.ProducingPlanned = input.ProducingPlanned;
            project.AtCapacityPlanned = input.AtCapacityPlanned;
            item.FollowStage(project);
            item.PlannedStartMonth = project.PlannedStartMonthWhileNotStarted;
            await Task.CompletedTask;
        });

        var outcome = await save.RunAsync(id, task, shape, ct);
        return outcome.Kind == OutcomeKind.Invalid ? Outcome<WorkItem>.Invalid(outcome.Errors!.Renamed(TaskFieldNames)) : outcome;
    }

    /// <summary>The task's fields as this input names them.</summary>
    private static readonly Dictionary<string, string> TaskFieldNames = new(StringComparer.Ordinal)
    {
        [nameof(TaskInput.LiaisonId)] = nameof(ProjectInput.StewardId),
        [nameof(TaskInput.Content)] = nameof(ProjectInput.Scale),
        [nameof(TaskInput.StartDate)] = nameof(ProjectInput.StartPlanned),
    };

    private async Task ValidateAsync(ProjectInput input, int regionId, ValidationErrors errors, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Pool) || !Enum.IsDefined(input.Nature) || !Enum.IsDefined(input.Category) || !Enum.IsDefined(input.Level))
        {
            errors.Add(nameof(ProjectInput.Pool), l["Validation.Invalid"]);
        }

        if (input.Pool == ProjectPool.Withdrawn)
        {
            errors.Add(nameof(ProjectInput.Pool), l["Projects.WithdrawThroughAction"]);
        }

        if (input.TotalInvestment is null)
        {
            errors.Add(nameof(ProjectInput.TotalInvestment), l["Validation.Required"]);
        }
        else if (input.TotalInvestment is < 0 or > 100_000_000m)
        {
            errors.Add(nameof(ProjectInput.TotalInvestment), l["Projects.AmountRange"]);
        }

        if (input.Longitude is < -180 or > 180 || input.Latitude is < -90 or > 90 || (input.Longitude is null) != (input.Latitude is null))
        {
            errors.Add(nameof(ProjectInput.Longitude), l["Projects.Coordinates"]);
        }

        if (input.StartYear is < 2000 or > 2100 || input.EndYear is < 2000 or > 2100 || input.EndYear < input.StartYear)
        {
            errors.Add(nameof(ProjectInput.EndYear), l["Projects.Years"]);
        }

        var planned = new[] { input.SignedPlanned, input.StartPlanned, input.ProducingPlanned, input.AtCapacityPlanned }.OfType<DateOnly>().ToList();
        if (!planned.SequenceEqual(planned.Order()))
        {
            errors.Add(nameof(ProjectInput.StartPlanned), l["Projects.PlannedOrder"]);
        }

        foreach (var (value, field, max) in new[] { (input.IndustryChain, nameof(ProjectInput.IndustryChain), 100), (input.OwnerCompany, nameof(ProjectInput.OwnerCompany), 200), (input.Scale, nameof(ProjectInput.Scale), 2000) })
        {
            if (value?.Trim().Length > max)
            {
                errors.Add(field, l["Validation.MaxLength", max]);
            }
        }

        if (input.TownUnitId is { } town && !await db.Units.AnyAsync(u => u.Id == town && u.RegionId == regionId, ct))
        {
            errors.Add(nameof(ProjectInput.TownUnitId), l["Validation.Invalid"]);
        }
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
