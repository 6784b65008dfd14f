namespace Duban.Data;

/// <summary>One change to one entity (留痕). Rows are only ever added.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public int? RegionId { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }

    /// <summary>JSON object of the changed properties before the change; null when created.</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties after the change; null when deleted.</summary>
    public string? After { get; set; }
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
}
