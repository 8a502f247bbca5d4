"""Short articles written for the stance tests: one supports a claim, one refutes it, one is unrelated."""

CLAIM = "The mayor of Lakeport has resigned after a corruption inquiry."
SUPPORTING = (
    "The mayor of Lakeport resigned on Tuesday, days after a corruption inquiry into city contracts was opened. "
    "The city council confirmed the resignation in a statement and thanked him for his years of service. "
    "The deputy mayor will lead the town until an election is held in the spring."
)
REFUTING = (
    "The mayor of Lakeport has denied reports that he resigned after a corruption inquiry. "
    "His office said the story was fake and that he remains in post. "
    '"I have not resigned and I will not resign," the mayor told reporters, calling the rumour a hoax.'
)
UNRELATED = (
    "Heavy snow closed the mountain pass for a third day, and drivers were told to carry chains. "
    "The weather service expects the storm to move east by the weekend. "
    "Ski resorts in the valley said bookings were up on last year."
)
