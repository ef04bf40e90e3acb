"""What the neuron scientist knows of words: everyday categories, some split into kinds, with
member words, and plain words that belong to none.

Written by hand for the scientist, as a person's general knowledge (no list of the suite's
concepts was consulted): which words are animals, which animals are birds. It holds no
grades and no rule for how a neuron responds; those the scientist learns from its probes.
Members are listed most familiar first.
"""

CATEGORIES = {
    "animals": {
        "mammals": "dog cat horse cow lion tiger elephant bear wolf fox rabbit mouse rat deer "
                   "monkey giraffe zebra pig sheep goat camel kangaroo squirrel hamster bat "
                   "otter badger hedgehog leopard cheetah panda koala gorilla chimpanzee hippo "
                   "rhino moose beaver donkey buffalo raccoon weasel mole skunk lynx jaguar "
                   "bison yak llama alpaca elk reindeer hare ferret sloth lemur baboon "
                   "puppy kitten calf pony mule antelope gazelle hyena porcupine",
        "birds": "eagle sparrow robin owl pigeon crow parrot penguin duck swan goose hawk "
                 "falcon seagull ostrich flamingo peacock chicken hen turkey pelican woodpecker "
                 "hummingbird stork heron vulture magpie raven finch canary wren blackbird "
                 "thrush lark dove cuckoo pheasant quail partridge jay nightingale kestrel "
                 "starling swallow kingfisher puffin albatross emu condor",
        "fish": "salmon trout shark tuna cod goldfish carp pike herring sardine mackerel "
                "halibut haddock catfish eel perch bass minnow anchovy swordfish piranha "
                "stingray flounder sole tilapia",
        "insects and bugs": "ant bee wasp fly mosquito butterfly moth beetle ladybird "
                            "grasshopper cricket dragonfly termite flea cockroach caterpillar "
                            "spider scorpion tick locust hornet bumblebee firefly aphid earwig",
        "reptiles and amphibians": "snake lizard crocodile alligator turtle tortoise frog toad "
                                   "iguana chameleon gecko python cobra viper newt salamander "
                                   "rattlesnake anaconda komodo",
        "sea creatures": "whale dolphin octopus squid jellyfish crab lobster shrimp prawn "
                         "starfish seal walrus oyster clam mussel seahorse coral urchin "
                         "orca narwhal scallop manatee",
    },
    "fruit": {
        "berries": "strawberry raspberry blueberry blackberry cranberry gooseberry "
                   "elderberry currant boysenberry mulberry",
        "citrus fruit": "orange lemon lime grapefruit tangerine mandarin clementine kumquat "
                        "satsuma citron",
        "tropical fruit": "banana mango pineapple papaya coconut guava passionfruit lychee "
                          "kiwi durian jackfruit dragonfruit starfruit plantain",
        "orchard fruit": "apple pear peach plum cherry apricot nectarine quince grape fig "
                         "date melon watermelon cantaloupe pomegranate persimmon olive avocado "
                         "rhubarb raisin prune",
    },
    "vegetables": {
        "root vegetables": "carrot potato beetroot turnip parsnip radish yam onion garlic "
                           "ginger swede shallot leek",
        "leafy greens": "lettuce spinach cabbage kale chard watercress rocket arugula endive "
                        "celery sprout",
        "other vegetables": "tomato cucumber pepper broccoli cauliflower pea bean corn "
                            "aubergine eggplant courgette zucchini pumpkin squash asparagus "
                            "artichoke mushroom okra lentil chickpea",
    },
    "food": {
        "dishes": "pizza pasta burger sandwich soup salad curry stew lasagne spaghetti "
                  "noodles sushi taco burrito omelette risotto paella casserole pie kebab "
                  "dumpling chowder goulash quiche hotdog",
        "baked goods": "bread cake biscuit cookie muffin croissant bagel bun scone pastry "
                       "doughnut waffle pancake toast loaf baguette brownie cracker pretzel",
        "sweets": "chocolate candy toffee fudge caramel lollipop marshmallow liquorice "
                  "icecream pudding custard jelly dessert sorbet mousse trifle",
        "dairy": "milk cheese butter yogurt cream cheddar mozzarella brie parmesan",
        "meat": "beef pork lamb ham bacon sausage steak mince veal venison salami chicken "
                "turkey mutton",
        "grains and staples": "rice wheat flour oats barley cereal porridge rye quinoa "
                              "couscous",
        "sauces and condiments": "ketchup mustard mayonnaise vinegar salt sugar honey jam "
                                 "syrup gravy sauce oil marmalade",
    },
    "herbs and spices": "basil parsley thyme rosemary oregano mint sage dill coriander "
                        "cinnamon nutmeg clove cumin paprika saffron turmeric pepper vanilla "
                        "chilli cardamom chives",
    "drinks": {
        "hot drinks": "tea coffee cocoa espresso cappuccino latte",
        "alcoholic drinks": "beer wine whisky vodka gin rum brandy cider champagne tequila "
                            "sherry ale lager cocktail",
        "soft drinks": "water juice lemonade soda cola smoothie milkshake squash",
    },
    "vehicles": {
        "road vehicles": "car bus truck lorry van taxi jeep ambulance tractor limousine "
                         "minibus coach trailer caravan tank",
        "two-wheelers": "bicycle bike motorcycle scooter moped tricycle unicycle",
        "rail vehicles": "train tram locomotive subway metro monorail carriage wagon",
        "aircraft": "aeroplane airplane plane helicopter jet glider airship balloon rocket "
                    "drone spaceship",
        "boats": "boat ship yacht canoe kayak ferry submarine raft sailboat barge tugboat "
                 "dinghy gondola steamer cruiser",
    },
    "colours": "red blue green yellow orange purple pink brown black white grey gray violet "
               "indigo turquoise crimson scarlet maroon beige navy teal magenta cyan amber "
               "ivory lavender lilac gold silver bronze",
    "professions": {
        "medical professions": "doctor nurse surgeon dentist pharmacist vet paramedic "
                               "midwife therapist psychiatrist optician physician",
        "trades": "plumber electrician carpenter builder mechanic painter baker butcher "
                  "farmer gardener tailor blacksmith welder roofer locksmith bricklayer "
                  "miner fisherman shepherd potter jeweller cobbler barber hairdresser",
        "office jobs": "accountant secretary manager clerk banker lawyer receptionist "
                       "consultant analyst programmer engineer architect",
        "creative professions": "artist writer musician actor singer dancer poet sculptor "
                                "photographer designer composer novelist journalist",
        "service and safety jobs": "police policeman firefighter soldier guard waiter "
                                   "waitress chef cook cleaner driver pilot sailor "
                                   "postman cashier librarian",
        "teaching and science": "teacher professor scientist tutor lecturer researcher "
                                "chemist biologist physicist astronomer historian",
    },
    "emotions": {
        "pleasant feelings": "joy happiness love delight pride hope relief gratitude "
                             "excitement contentment cheer bliss calm pleasure",
        "unpleasant feelings": "anger fear sadness grief anxiety jealousy envy shame guilt "
                               "disgust sorrow rage loneliness despair worry boredom dread "
                               "frustration panic regret misery terror embarrassment "
                               "resentment irritation nervousness",
    },
    "body parts": {
        "outer body": "head face eye ear nose mouth lip tooth tongue neck shoulder arm elbow "
                      "wrist hand finger thumb chest back leg knee ankle foot toe hip chin "
                      "cheek forehead eyebrow hair skin nail",
        "organs": "heart lung liver kidney stomach brain intestine bladder pancreas spleen "
                  "bone muscle blood vein artery skull spine rib",
    },
    "clothing": {
        "garments": "shirt trousers jeans dress skirt jacket coat sweater jumper blouse suit "
                    "shorts pyjamas vest hoodie cardigan tie uniform apron robe gown tunic "
                    "kilt overalls",
        "footwear": "shoe boot sandal slipper sneaker trainer heel clog loafer",
        "headwear": "hat cap helmet beret bonnet turban hood crown",
        "accessories": "belt scarf glove sock handbag wallet umbrella watch necklace ring "
                       "bracelet earring brooch purse sunglasses",
    },
    "furniture": "chair table sofa couch bed desk stool bench wardrobe cupboard shelf "
                 "bookcase dresser armchair cabinet drawer mattress cot crib sideboard",
    "kitchen things": {
        "utensils": "knife fork spoon ladle spatula whisk tongs peeler grater corkscrew",
        "cookware and dishes": "pan pot kettle plate bowl cup mug saucer jug teapot tray "
                               "wok saucepan glass",
        "appliances": "oven fridge freezer microwave toaster dishwasher blender cooker "
                      "stove kettle",
    },
    "household items": "lamp mirror clock carpet rug curtain pillow blanket towel vase "
                       "candle broom bucket sponge soap doormat cushion duvet sheet basket",
    "tools": "hammer screwdriver wrench saw drill chisel pliers spanner axe shovel spade "
             "rake hoe ladder nail screw bolt tape ruler scissors sickle crowbar trowel",
    "buildings": "house home cottage flat apartment castle palace church cathedral temple "
                 "mosque school hospital library museum factory warehouse barn shed garage "
                 "tower skyscraper hotel bank prison stadium theatre cinema office shop "
                 "supermarket restaurant cafe pub bakery station airport",
    "rooms": "kitchen bedroom bathroom hall hallway attic cellar basement lounge study "
             "pantry porch balcony corridor nursery",
    "landscape": {
        "landforms": "mountain hill valley cliff cave canyon desert forest jungle meadow "
                     "field plain plateau island peninsula volcano glacier beach coast dune "
                     "prairie swamp marsh",
        "waters": "river lake sea ocean stream pond waterfall bay lagoon creek brook spring "
                  "estuary canal reservoir",
    },
    "weather": "rain snow wind storm thunder lightning hail fog mist cloud sunshine drizzle "
               "frost ice hurricane tornado blizzard breeze gale sleet drought flood "
               "rainbow heatwave monsoon",
    "sports": {
        "ball sports": "football soccer tennis golf cricket rugby basketball baseball "
                       "volleyball hockey badminton squash netball softball handball",
        "water sports": "swimming diving surfing rowing sailing canoeing snorkelling "
                        "waterpolo",
        "winter sports": "skiing snowboarding skating sledging curling bobsleigh",
        "fighting sports": "boxing wrestling judo karate fencing kickboxing",
        "track and field": "running sprinting marathon hurdles javelin discus cycling "
                           "triathlon gymnastics archery",
    },
    "musical instruments": {
        "string instruments": "guitar violin cello harp bass banjo ukulele viola mandolin "
                              "sitar lute",
        "wind instruments": "flute trumpet clarinet saxophone trombone oboe tuba horn "
                            "recorder bagpipes harmonica bassoon",
        "percussion": "drum cymbal tambourine xylophone triangle bongo gong marimba",
        "keyboards": "piano organ keyboard harpsichord accordion synthesizer",
    },
    "music": "song melody rhythm tune chorus lyrics concert orchestra band choir jazz rock "
             "pop blues opera symphony ballad hymn anthem rap reggae",
    "plants": {
        "trees": "oak pine maple birch willow elm ash beech cedar palm spruce fir poplar "
                 "yew sycamore chestnut redwood cypress baobab",
        "flowers": "rose tulip daisy lily sunflower orchid daffodil violet poppy lavender "
                   "dandelion carnation iris marigold bluebell jasmine lotus peony buttercup",
        "other plants": "grass fern moss ivy cactus bamboo weed shrub bush vine hedge reed "
                        "seaweed clover nettle thistle",
    },
    "countries": {
        "european countries": "france germany italy spain portugal england scotland "
                              "ireland wales greece sweden norway denmark finland poland "
                              "austria switzerland belgium holland netherlands hungary "
                              "russia ukraine iceland",
        "asian countries": "china japan india korea vietnam thailand indonesia pakistan "
                           "nepal iran iraq israel turkey malaysia singapore mongolia "
                           "afghanistan philippines",
        "african countries": "egypt nigeria kenya ethiopia ghana morocco algeria somalia "
                             "sudan uganda tanzania zimbabwe senegal",
        "american countries": "america canada mexico brazil argentina chile peru colombia "
                              "cuba jamaica venezuela bolivia",
        "oceanian countries": "australia fiji samoa tonga",
    },
    "cities": "london paris rome berlin madrid tokyo moscow dublin athens vienna prague "
              "cairo sydney toronto chicago boston venice florence lisbon oslo stockholm "
              "amsterdam istanbul mumbai delhi beijing shanghai",
    "family": "mother father parent son daughter brother sister aunt uncle cousin nephew "
              "niece grandmother grandfather grandson granddaughter husband wife baby "
              "sibling twin mum dad grandma grandpa stepmother widow",
    "time": {
        "days of the week": "monday tuesday wednesday thursday friday saturday sunday",
        "months": "january february march april may june july august september october "
                  "november december",
        "seasons": "spring summer autumn winter fall",
        "units of time": "second minute hour day week month year decade century "
                         "millennium fortnight",
        "times of day": "morning noon afternoon evening night midnight dawn dusk sunrise "
                        "sunset",
    },
    "numbers": "one two three four five six seven eight nine ten eleven twelve twenty "
               "thirty forty fifty hundred thousand million billion dozen zero",
    "shapes": "circle square triangle rectangle oval diamond star heart hexagon pentagon "
              "octagon cube sphere cylinder cone pyramid spiral",
    "materials": {
        "metals": "iron steel copper gold silver tin lead zinc aluminium bronze brass "
                  "platinum nickel titanium mercury",
        "gems": "diamond ruby emerald sapphire pearl opal amethyst topaz jade garnet crystal",
        "other materials": "wood stone glass plastic paper cardboard rubber leather cotton "
                           "wool silk linen nylon concrete brick clay marble granite "
                           "velvet denim",
    },
    "chemical elements": "hydrogen oxygen nitrogen carbon helium sodium potassium calcium "
                         "chlorine sulphur uranium neon argon lithium magnesium phosphorus "
                         "fluorine iodine radium plutonium",
    "technology": {
        "devices": "computer laptop keyboard mouse screen monitor printer phone smartphone "
                   "tablet router server television radio camera speaker headphones "
                   "microphone scanner calculator charger battery projector console",
        "software and the internet": "software internet website email browser app database "
                                     "password download upload algorithm program code "
                                     "pixel wifi online network file virus",
    },
    "stationery": "pen pencil paper notebook eraser rubber ruler stapler envelope folder "
                  "crayon marker glue ink sharpener clipboard diary",
    "toys and games": "doll ball kite puzzle teddy yoyo marble lego chess draughts "
                      "checkers dominoes cards dice jigsaw skipping hopscotch frisbee "
                      "rattle",
    "religion": "god church prayer priest bishop monk nun temple heaven hell angel devil "
                "saint bible koran sin faith worship altar pope rabbi imam prophet",
    "politics": {
        "rulers and politicians": "president minister king queen prince princess emperor "
                                  "empress senator mayor governor chancellor dictator "
                                  "politician ambassador duke sultan",
        "government": "government election vote parliament senate congress democracy party "
                      "policy law campaign candidate monarchy republic constitution citizen "
                      "referendum ballot council kingdom",
    },
    "crime and law": {
        "crimes": "crime theft murder robbery burglary fraud kidnapping smuggling arson "
                  "assault blackmail bribery forgery piracy shoplifting vandalism treason "
                  "mugging poaching manslaughter",
        "criminals": "thief robber burglar criminal murderer smuggler pirate bandit gangster "
                     "crook kidnapper forger pickpocket outlaw villain",
        "law and courts": "judge jury court trial prison jail police arrest lawyer verdict "
                          "sentence witness detective lawsuit evidence attorney barrister "
                          "prosecutor defendant bail",
    },
    "money": "money cash coin banknote dollar pound euro penny cent yen rupee franc price "
             "cost salary wage tax debt loan credit bank budget profit income wealth rent "
             "mortgage cheque fee fine bill invoice savings interest pension",
    "illness and health": {
        "illnesses": "cold flu fever cough headache cancer measles mumps malaria asthma "
                     "diabetes infection disease virus rash allergy stroke pneumonia "
                     "arthritis toothache migraine",
        "medical things": "medicine pill tablet bandage plaster syringe injection vaccine "
                          "stethoscope thermometer wheelchair crutch ambulance hospital "
                          "clinic surgery operation",
    },
    "weapons": "gun rifle pistol sword knife dagger spear bow arrow bomb grenade missile "
               "cannon axe shield lance musket crossbow",
    "space": "sun moon star planet earth mars venus jupiter saturn mercury neptune uranus "
             "pluto comet asteroid meteor galaxy universe orbit astronaut telescope "
             "satellite nebula",
    "fantasy creatures": "dragon unicorn fairy elf dwarf goblin troll giant witch wizard "
                         "ghost vampire werewolf mermaid phoenix griffin ogre zombie "
                         "gnome sprite",
    "military": "army navy soldier general captain sergeant officer battle war regiment "
                "troops tank fort barracks admiral colonel",
    "house parts": "door window roof wall floor ceiling stairs chimney gate fence garden "
                   "lawn patio driveway doorbell letterbox",
    "bathroom things": "toothbrush toothpaste shampoo soap towel bath shower sink toilet "
                       "razor comb brush sponge flannel",
    "farm": "farm tractor barn hay straw plough harvest crop field orchard stable cow "
            "sheep pig goat hen chicken horse donkey",
    "school": "school classroom lesson homework exam teacher pupil student timetable "
              "playground uniform blackboard textbook grade term headmaster",
    "celebrations": "birthday wedding christmas easter halloween party festival "
                    "anniversary carnival parade funeral holiday feast picnic",
    "nature phenomena": "earthquake volcano tsunami avalanche eclipse tide wave lava fire "
                        "smoke",
    "movement verbs": "run walk jump swim fly crawl climb hop skip dance march stroll "
                      "sprint dash jog wander slide roll leap dive",
    "speech verbs": "say speak talk shout whisper yell scream mumble chat ask answer reply "
                    "call sing cry laugh argue",
    "cooking words": "bake boil fry roast grill stew steam toast stir chop slice peel "
                     "mix whisk simmer",
    "personality": {
        "good traits": "kind honest brave generous patient gentle loyal friendly clever "
                       "polite cheerful wise humble",
        "bad traits": "rude lazy greedy selfish cruel mean arrogant jealous stubborn "
                      "cowardly dishonest grumpy",
    },
    "sizes": "big small large tiny huge little enormous giant massive miniature vast "
             "short tall long wide narrow",
    "temperatures": "hot cold warm cool freezing boiling icy chilly lukewarm scorching "
                    "tepid",
    "tastes": "sweet sour bitter salty spicy savoury bland tangy",
    "languages": "english french german spanish italian chinese japanese russian arabic "
                 "latin greek hindi portuguese dutch welsh",
    "art and writing": "painting drawing sculpture poem novel story essay poetry portrait "
                       "sketch canvas statue mural fiction comedy tragedy",
    "containers": "box bag basket bottle jar can tin barrel crate bucket bowl cup sack "
                  "chest trunk suitcase envelope carton pouch vase urn jug flask tub "
                  "backpack briefcase",
    "fabrics": "cotton wool silk linen nylon velvet denim satin lace leather suede tweed "
               "polyester fleece corduroy canvas felt cashmere flannel",
    "dances": "waltz tango salsa ballet foxtrot polka rumba disco samba jive flamenco "
              "tap breakdance quickstep",
    "cosmetics": "lipstick mascara perfume makeup powder lotion moisturiser deodorant "
                 "nailpolish eyeliner blusher cologne shampoo conditioner",
    "garden": "garden lawn flowerbed hedge shed greenhouse compost fertiliser seed bulb "
              "weed rake hoe trowel wheelbarrow hose sprinkler pot soil",
    "beach and seaside": "beach sand shell wave tide pier seaside sunbathing surf dune "
                         "lighthouse harbour promenade sandcastle bucket deckchair",
    "camping": "tent campfire sleepingbag torch compass map backpack hike trail cabin "
               "lantern firewood canoe",
    "jewellery": "ring necklace bracelet earring brooch pendant locket tiara anklet "
                 "bangle chain jewel",
    "hobbies": "reading painting knitting sewing gardening fishing hiking cooking "
               "photography drawing collecting baking singing dancing camping chess",
    "shops": "bakery butcher grocer chemist pharmacy florist newsagent supermarket "
             "boutique market bookshop greengrocer hardware",
    "media": "newspaper magazine radio television film movie book letter postcard "
             "advertisement broadcast podcast documentary",
}

# Words of no category in particular, the scientist's baseline, and words shaped by common
# endings and beginnings, so a spelling rule can show itself.
PLAIN = (
    "idea reason way thing part fact case point group problem question place area matter "
    "result issue side kind level order change example sense end form step piece number "
    "answer truth chance choice effort habit method notion purpose quality value voice "
    "detail effect rule type view role task trend theme pattern space range scale basis "
    "happiness kindness darkness weakness fairness illness sadness "
    "education information situation position condition decision attention tradition "
    "direction relation station nation action motion "
    "movement agreement statement argument payment treatment development management "
    "beautiful careful useful helpful hopeful painful wonderful "
    "comfortable suitable possible terrible available valuable reasonable "
    "quickly slowly easily nearly simply really finally usually suddenly "
    "unhappy unusual unknown unfair unable untidy undo unlock "
    "replay return rebuild remake review rewrite "
    "building meeting feeling morning evening beginning ending thinking reading writing "
    "waiting "
    "walked talked played opened wanted needed started finished "
    "teacher worker player leader speaker member number corner "
    "freedom kingdom wisdom friendship hardship childhood neighbourhood "
    "dangerous famous nervous serious curious generous "
    "artist tourist dentist "
    "active creative massive native "
    "bottle little middle simple table circle single "
    "coffee letter better summer dinner butter apple "
    "a an the of to in on at by for with from about under over after before between "
    "and or but if so yet because although "
    "go get make take give come see know think want look find tell feel become leave "
    "keep begin seem help show hear play move live believe hold bring happen write "
    "sit stand lose pay meet include continue set learn lead understand watch follow "
    "stop create spend grow open win offer remember consider appear buy wait serve "
    "die send expect build stay fall cut reach kill remain suggest raise pass sell "
    "good new first last old great own other right high different early young important "
    "few public bad same able late hard major better economic strong possible whole "
    "free military true federal international full special easy clear recent certain "
    "personal open difficult available likely national political real"
)
