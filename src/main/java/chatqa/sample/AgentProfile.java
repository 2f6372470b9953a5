package chatqa.sample;

/**
 * How a synthetic agent behaves: how often they greet with every element, apologise after a
 * complaint and close properly, how fast they usually answer, and how often they cross a red
 * line. Different profiles give the sample day a real spread of scores and ranks.
 */
record AgentProfile(String id, String shop, int number, double greets, double apologises, double closes,
                    double medianReplySeconds, double rude) {
}
