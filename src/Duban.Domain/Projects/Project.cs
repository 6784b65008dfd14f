using Duban.Domain.Work;

namespace Duban.Domain.Projects;

/// <summary>Where a project stands in the library: 谋划, 储备, 实施, or withdrawn (退库).</summary>
public enum ProjectPool
{
    Planned = 0,
    Reserve = 1,
    Implementation = 2,
    Withdrawn = 3,
}

/// <summary>签约 → 开工 → 投产 → 达效. <see cref="None"/> before it is signed.</summary>
public enum ProjectStage
{
    None = 0,
#pragma warning disable CA1720 // "Signed" is the glossary's word for 签约, not a type name.
    Signed = 1,
#pragma warning restore CA1720
    Started = 2,
    Producing = 3,
    AtCapacity = 4,
}

/// <summary>新建 / 续建 / 竣工 / 前期.</summary>
public enum ProjectNature
{
    New = 0,
    Continuing = 1,
    Completion = 2,
    Preparatory = 3,
}

/// <summary>产业 / 基础设施 / 社会民生.</summary>
public enum ProjectCategory
{
    Industrial = 0,
    Infrastructure = 1,
    Social = 2,
}

/// <summary>省级 / 市级 / 县级 key project.</summary>
public enum ProjectLevel
{
    Province = 0,
    City = 1,
    County = 2,
}

/// <summary>
/// A key project (重点项目): the project-specific half of a <see cref="WorkItem"/> of kind
/// <see cref="WorkItemKind.KeyProject"/>, which carries its responsibility ("1+1+1": the answerable leader,
/// the lead unit, and the project steward as the item's liaison), milestones, light, reports and close-out.
/// This class owns the stage and pool rules.
/// </summary>
public sealed class Project : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }

    public ProjectPool Pool { get; set; } = ProjectPool.Planned;

    /// <summary>The pool it was in before it was withdrawn, to restore it to.</summary>
    public ProjectPool? PoolBeforeWithdrawal { get; set; }

    public string? WithdrawalReason { get; set; }
    public string? WithdrawalApprovedBy { get; set; }
    public DateOnly? WithdrawnOn { get; set; }

    public ProjectStage Stage { get; private set; }
    public DateOnly? SignedPlanned { get; set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly? StartPlanned { get; set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? ProducingPlanned { get; set; }
    public DateOnly? ProducingOn { get; private set; }
    public DateOnly? AtCapacityPlanned { get; set; }
    public DateOnly? AtCapacityOn { get; private set; }

    public ProjectNature Nature { get; set; }
    public ProjectCategory Category { get; set; }
    public ProjectLevel Level { get; set; } = ProjectLevel.County;
    public string? IndustryChain { get; set; }
    public string? OwnerCompany { get; set; }

    /// <summary>The town (a unit) where it is built.</summary>
    public int? TownUnitId { get; set; }

    public double? Longitude { get; set; }
    public double? Latitude { get; set; }

    /// <summary>What is built and at what scale (建设内容及规模).</summary>
    public string? Scale { get; set; }

    public int? StartYear { get; set; }
    public int? EndYear { get; set; }

    /// <summary>Total investment in 万元.</summary>
    public decimal TotalInvestment { get; set; }

    /// <summary>Projects of 1亿元 (10,000 万元) and more are counted apart in the "三个一批" figures.</summary>
    public bool IsLarge => TotalInvestment >= 10_000m;

    public DateOnly? ActualOn(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => SignedOn,
        ProjectStage.Started => StartedOn,
        ProjectStage.Producing => ProducingOn,
        ProjectStage.AtCapacity => AtCapacityOn,
        _ => null,
    };

    public DateOnly? PlannedOn(ProjectStage stage) => stage switch
    {
        ProjectStage.Signed => SignedPlanned,
        ProjectStage.Started => StartPlanned,
        ProjectStage.Producing => ProducingPlanned,
        ProjectStage.AtCapacity => AtCapacityPlanned,
        _ => null,
    };

    /// <summary>
    /// Records the day a stage was reached. Stages are reached in order, each on or after the one before and
    /// never in the future; recording a stage again corrects its date. A later stage already reached keeps
    /// an earlier one from moving past it.
    /// </summary>
    public Refusal? Reach(ProjectStage stage, DateOnly on, DateOnly today)
    {
        if (stage == ProjectStage.None || !Enum.IsDefined(stage))
        {
            return Refusal.UnknownStage;
        }

        if (on > today)
        {
            return Refusal.DateInFuture;
        }

        if (stage > ProjectStage.Signed)
        {
            if (ActualOn(stage - 1) is not { } previous)
            {
                return Refusal.StageOutOfOrder;
            }

            if (on < previous)
            {
                return Refusal.StageBeforePrevious;
            }
        }

        if (stage < ProjectStage.AtCapacity && ActualOn(stage + 1) is { } next && on > next)
        {
            return Refusal.StageAfterNext;
        }

        switch (stage)
        {
            case ProjectStage.Signed:
                SignedOn = on;
                break;
            case ProjectStage.Started:
                StartedOn = on;
                break;
            case ProjectStage.Producing:
                ProducingOn = on;
                break;
            case ProjectStage.AtCapacity:
                AtCapacityOn = on;
                break;
            case ProjectStage.None:
            default:
                return Refusal.UnknownStage;
        }

        Stage = stage > Stage ? stage : Stage;
        return null;
    }

    /// <summary>Takes a project out of the library (退库), with the reason and who approved it.</summary>
    public Refusal? Withdraw(string reason, string approvedBy, DateOnly today)
    {
        if (Pool == ProjectPool.Withdrawn)
        {
            return Refusal.AlreadyWithdrawn;
        }

        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(approvedBy))
        {
            return Refusal.ReasonRequired;
        }

        PoolBeforeWithdrawal = Pool;
        Pool = ProjectPool.Withdrawn;
        WithdrawalReason = reason.Trim();
        WithdrawalApprovedBy = approvedBy.Trim();
        WithdrawnOn = today;
        return null;
    }

    /// <summary>Puts a withdrawn project back in the pool it left.</summary>
    public Refusal? Restore()
    {
        if (Pool != ProjectPool.Withdrawn)
        {
            return Refusal.NotWithdrawn;
        }

        Pool = PoolBeforeWithdrawal ?? ProjectPool.Reserve;
        PoolBeforeWithdrawal = null;
        WithdrawalReason = null;
        WithdrawalApprovedBy = null;
        WithdrawnOn = null;
        return null;
    }

    /// <summary>What the work item's status follows from: only projects in implementation are lit.</summary>
    public WorkItemStatus StatusFor(WorkItemStatus current) => current is WorkItemStatus.Closed or WorkItemStatus.CloseOutPending
        ? current
        : Pool switch
        {
            ProjectPool.Implementation => WorkItemStatus.InProgress,
            ProjectPool.Withdrawn => WorkItemStatus.Paused,
            _ => WorkItemStatus.NotStarted,
        };

    /// <summary>Month index (year × 12 + month − 1) of the planned start while it has not started; the light reads it.</summary>
    public int? PlannedStartMonthWhileNotStarted => StartedOn is null && StartPlanned is { } p ? Investment.MonthIndex(p) : null;
}

/// <summary>A project's planned investment for one year (年度计划投资), in 万元.</summary>
public sealed class ProjectYearPlan : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>Investment completed in one month (月度完成投资), in 万元: entered by the steward or imported.</summary>
public sealed class ProjectInvestment : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int WorkItemId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public decimal Amount { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>The region's boundary for the map board, as an administrator uploaded it (GeoJSON).</summary>
public sealed class RegionMap : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string GeoJson { get; set; }
    public required string FileName { get; set; }
    public DateTime UploadedAt { get; set; }
}
